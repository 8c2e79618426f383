using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

internal static class CaseMapping
{
    public static V1.Case ToProto(Domain.Cases.Case c, int revision, DateOnly today) => new()
    {
        Id = c.Id.ToString(),
        Reference = c.Reference,
        ContactId = c.ContactId,
        PersonId = c.PersonId,
        Stream = c.Stream,
        PolicyVersion = c.PolicyVersion,
        Status = c.Status,
        Ending = c.Ending,
        CurrentStage = c.CurrentStage,
        DirectorateId = c.DirectorateId,
        ServiceAreaId = c.ServiceAreaId,
        TeamId = c.TeamId,
        HandlerId = c.HandlerId,
        ReceivedAt = Timestamp.FromDateTimeOffset(c.ReceivedAt),
        ReceivedOn = ToDate(c.ReceivedOn),
        Stages = { c.Stages.Select(ToProto) },
        Issues = { c.Issues.Select(i => new Issue { Id = i.Id, Summary = i.Summary, DefinedOn = ToDate(i.DefinedOn), Stage = i.Stage, DefinedBy = i.DefinedBy }) },
        Deadlines = { c.Deadlines.Select(ToProto) },
        Remedies = { c.Remedies.Select(r => ToProto(r, today)) },
        Learning = c.Learning is null ? null : ToProto(c.Learning),
        NextDeadline = ToDate(c.NextDeadline),
        NextBody = c.NextBody,
        Revision = revision,
        Escalations = { c.Escalations.Select(ToProto) },
        Statutory = ToProto(c.Statutory),
        SafeguardingConcern = c.SafeguardingConcern,
    };

    public static CaseSummary ToSummary(CaseRecord r, DateOnly today) => new()
    {
        Id = r.Id.ToString(),
        Reference = r.Reference,
        Stream = (ComplaintStream)r.Stream,
        CurrentStage = r.CurrentStage,
        Status = (V1.CaseStatus)r.Status,
        ServiceAreaId = r.ServiceAreaId,
        TeamId = r.TeamId,
        HandlerId = r.HandlerId,
        NextDeadline = ToDate(r.NextDeadline),
        Overdue = r.NextDeadline < today,
        ReceivedOn = ToDate(r.ReceivedOn),
        SafeguardingConcern = r.SafeguardingConcern,
    };

    public static V1.StatutoryRecord ToProto(Domain.Cases.StatutoryRecord s) => new()
    {
        DiscussionOffered = s.DiscussionOffered,
        DiscussionAccepted = s.DiscussionAccepted,
        AgreedPeriods = { s.AgreedPeriods.Select(p => new AgreedPeriod { AgreedOn = ToDate(p.AgreedOn), Due = ToDate(p.Due), RecordedBy = p.RecordedBy }) },
        BackstopExtensions =
        {
            s.BackstopExtensions.Select(b => new BackstopExtension
            {
                AgreedOn = ToDate(b.AgreedOn), PreviousDue = ToDate(b.PreviousDue), NewDue = ToDate(b.NewDue), RecordedBy = b.RecordedBy,
            }),
        },
        DelayNotices = { s.DelayNotices.Select(n => new DelayNotice { Kind = n.Kind, MissedDue = ToDate(n.MissedDue), RequestedOn = ToDate(n.RequestedOn) }) },
        DelayReasons = s.DelayReasons,
        Eligibility = s.Eligibility,
        EligibilityRecordedOn = ToDate(s.EligibilityRecordedOn),
        AdvocateOffered = s.AdvocateOffered,
        AdvocateAccepted = s.AdvocateAccepted,
        AdvocateOfferedOn = ToDate(s.AdvocateOfferedOn),
        SafeguardingRaisedOn = ToDate(s.SafeguardingRaisedOn),
        IndependentPersonId = s.IndependentPersonId,
        AgreedRecord = s.AgreedRecord,
        AgreedRecordOn = ToDate(s.AgreedRecordOn),
        PanelMemberIds = { s.PanelMemberIds },
        PanelAppointedOn = ToDate(s.PanelAppointedOn),
        PanelMetOn = ToDate(s.PanelMetOn),
        PanelReportOn = ToDate(s.PanelReportOn),
    };

    public static CaseFact ToProto(CaseFactEntry f) => new()
    {
        Sequence = f.Sequence,
        Kind = f.Kind,
        OccurredOn = ToDate(f.OccurredOn),
        RecordedAt = Timestamp.FromDateTimeOffset(f.RecordedAt),
        RecordedBy = f.RecordedBy,
        Role = f.Role,
        Summary = f.Summary,
    };

    private static Stage ToProto(StageRecord s) => new()
    {
        Number = s.Number,
        Name = s.Name,
        OpenedOn = ToDate(s.OpenedOn),
        Acknowledgement = s.Acknowledgement is not { } a ? null : new Acknowledgement
        {
            About = a.About,
            OutcomeSought = a.OutcomeSought,
            MatterHappenedOn = ToDate(a.MatterHappenedOn),
            AcknowledgedOn = ToDate(a.AcknowledgedOn),
            RecordedAt = Timestamp.FromDateTimeOffset(a.RecordedAt),
            RecordedBy = a.RecordedBy,
        },
        HandlerIds = { s.HandlerIds },
        Extensions =
        {
            s.Extensions.Select(e => new Extension
            {
                WorkingDays = e.WorkingDays,
                Reason = e.Reason,
                ExtendedOn = ToDate(e.ExtendedOn),
                NewDue = ToDate(e.NewDue),
                NoticeRequested = e.NoticeRequested,
                RecordedBy = e.RecordedBy,
                PersonToldBy = e.PersonToldBy,
                PersonToldOn = ToDate(e.PersonToldOn),
            }),
        },
        Delays =
        {
            s.Delays.Select(d => new ResponseDelay
            {
                MissedDue = ToDate(d.MissedDue),
                Reason = d.Reason,
                ExpectedOn = ToDate(d.ExpectedOn),
                RecordedOn = ToDate(d.RecordedOn),
                RecordedBy = d.RecordedBy,
                NoticeRequested = d.NoticeRequested,
            }),
        },
        Response = s.Response is not { } r ? null : new Response
        {
            Findings = { r.Findings.Select(f => new IssueFinding { IssueId = f.Key, Finding = f.Value }) },
            Overall = r.Overall,
            Text = r.Text,
            DraftState = r.DraftState,
            ReviewComments = r.ReviewComments,
            SentOn = ToDate(r.SentOn),
            WithinOriginalDeadline = r.WithinOriginalDeadline,
            WithinExtendedDeadline = r.WithinExtendedDeadline,
            WorkingDaysLate = r.WorkingDaysLate,
            DraftedBy = r.DraftedBy,
            ReviewedBy = r.ReviewedBy,
            SentBy = r.SentBy,
        },
        Ending = s.Ending,
    };

    private static CaseDeadline ToProto(Deadline d) => new()
    {
        Stage = d.Stage,
        Kind = d.Kind,
        StartsOn = d.StartsOn,
        StartDate = ToDate(d.StartDate),
        Period = new Period { Value = d.PeriodValue, Unit = d.PeriodUnit },
        ExtendedBy = d.ExtendedBy,
        OriginalDue = ToDate(d.OriginalDue),
        Due = ToDate(d.Due),
        PolicyVersion = d.PolicyVersion,
        CalendarVersion = d.CalendarVersion,
        Explanation = d.Explanation,
        MetOn = ToDate(d.MetOn),
    };

    private static Remedy ToProto(RemedyRecord r, DateOnly today) => new()
    {
        Id = r.Id,
        TypeCode = r.TypeCode,
        Description = r.Description,
        AmountPence = r.AmountPence,
        OwnerId = r.OwnerId,
        AgreedOn = ToDate(r.AgreedOn),
        Due = ToDate(r.Due),
        CompletedOn = ToDate(r.CompletedOn),
        Late = r.IsLate(today),
    };

    private static Learning ToProto(LearningRecord l) => new()
    {
        NatureCategory = l.NatureCategory,
        RootCause = l.RootCause,
        Lessons = l.Lessons,
        Actions = { l.Actions.Select(a => new LearningAction { Description = a.Description, OwnerId = a.OwnerId, Due = ToDate(a.Due), DoneOn = ToDate(a.DoneOn) }) },
        RecordedOn = ToDate(l.RecordedOn),
        RecordedBy = l.RecordedBy,
        ReviewedBy = l.ReviewedBy,
        ReviewedOn = ToDate(l.ReviewedOn),
        ReviewComments = l.ReviewComments,
    };

    private static Escalation ToProto(EscalationRecord e) => new()
    {
        ToStage = e.ToStage,
        RequestedOn = ToDate(e.RequestedOn),
        Reasons = e.Reasons,
        WithinWindow = e.WithinWindow,
        Accepted = e.Accepted,
        Refused = e.Refused,
        RefusalReasonCode = e.RefusalReasonCode,
        DecidedOn = ToDate(e.DecidedOn),
        DecidedBy = e.DecidedBy,
        RequestedAt = e.RequestedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        CountedFrom = e.CountedFrom == default ? null : ToDate(e.CountedFrom),
    };

    public static Date? ToDate(DateOnly? d) => d is { } v ? new Date { Year = v.Year, Month = v.Month, Day = v.Day } : null;
}
