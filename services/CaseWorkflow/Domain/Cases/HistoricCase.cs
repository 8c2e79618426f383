using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>One historic case as a source system recorded it: ids, codes and dates, no free text.</summary>
public sealed record HistoricCase
{
    public required string SourceId { get; init; }
    public required string Reference { get; init; }
    public string ContactId { get; init; } = "";
    public string PersonId { get; init; } = "";
    public required ComplaintStream Stream { get; init; }
    public required string DirectorateId { get; init; }
    public required string ServiceAreaId { get; init; }
    public string TeamId { get; init; } = "";
    public string HandlerId { get; init; } = "";
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateOnly? AcknowledgeDue { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }
    public DateOnly? RespondDue { get; init; }
    public int? ExtensionWorkingDays { get; init; }
    public DateOnly? ExtendedOn { get; init; }
    public DateOnly? RespondedOn { get; init; }
    public Finding Finding { get; init; }
    public DateOnly? EscalationRequestedOn { get; init; }
    public DateOnly? EscalationAcceptedOn { get; init; }
    public DateOnly? EscalationRefusedOn { get; init; }
    public string RefusalReasonCode { get; init; } = "";
    public string Stage2HandlerId { get; init; } = "";
    public DateOnly? Stage2AcknowledgedOn { get; init; }
    public DateOnly? Stage2RespondDue { get; init; }
    public DateOnly? Stage2RespondedOn { get; init; }
    public Finding Stage2Finding { get; init; }
    public CaseEnding Ending { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string NatureCategory { get; init; } = "";
    public string RootCause { get; init; } = "";
    public int? OfficerMinutes { get; init; }

    // Adult social care (SI 2009/309): the acknowledgement's offer to discuss, and the response date agreed.
    public bool? DiscussionOffered { get; init; }
    public bool DiscussionAccepted { get; init; }
    public DateOnly? ResponsePeriodAgreedOn { get; init; }
    public DateOnly? AgreedResponseDue { get; init; }

    // Children's social care (SI 2006/1738): eligibility, advocacy, the Stage 2 Independent Person, the Stage 3 panel.
    public Eligibility Eligibility { get; init; }
    public DateOnly? EligibilityRecordedOn { get; init; }
    public DateOnly? AdvocateOfferedOn { get; init; }
    public bool AdvocateAccepted { get; init; }
    public string IndependentPersonId { get; init; } = "";
    public DateOnly? IndependentPersonAppointedOn { get; init; }
    public DateOnly? ComplaintRecordAgreedOn { get; init; }
    public DateOnly? Stage3RequestedOn { get; init; }
    public DateOnly? Stage3AcceptedOn { get; init; }
    public string Stage3HandlerId { get; init; } = "";
    public IReadOnlyList<string> PanelMemberIds { get; init; } = [];
    public DateOnly? PanelAppointedOn { get; init; }
    public DateOnly? PanelMetOn { get; init; }
    public DateOnly? PanelReportedOn { get; init; }
    public DateOnly? Stage3RespondedOn { get; init; }
    public Finding Stage3Finding { get; init; }
}

/// <summary>A step of a historic case the rules refused, with the column of the file that gave it.</summary>
public sealed class HistoricStepException(string column, string reason) : DomainException(reason)
{
    public string Column => column;
}

/// <summary>
/// Replays a historic case through the case's own commands in the order they happened, so every
/// deadline and timeliness flag comes from the policy of its time and the events are a live case's.
/// A step the rules refuse fails the row with the rule's reason and the column that gave the step.
/// </summary>
public static class HistoricCaseReplay
{
    // The source system kept the words; the platform records that they exist elsewhere.
    private const string ElsewhereNote = "Recorded in the source system";
    private const string Issue = "issue-1";

    public static (Case Case, IReadOnlyList<TimeEntryNote> Time) Replay(Guid id, HistoricCase h, ImportOrigin origin, CaseRules rules, Actor actor)
    {
        var c = Case.Open(id, h.Reference, h.ContactId, h.PersonId, h.ServiceAreaId, h.DirectorateId, h.ReceivedAt,
            fromIntake: h.ContactId.Length > 0, rules, actor, origin);
        if (h.AcknowledgeDue is { } ackDue)
        {
            At("acknowledge_due", () => c.GiveDue(1, ClockKind.Acknowledge, ackDue, rules, actor));
        }
        if (h.Eligibility != Eligibility.Unspecified)
        {
            At("eligibility", () => c.RecordEligibility(h.Eligibility, h.EligibilityRecordedOn ?? c.ReceivedOn, rules, actor));
        }
        if (h.AdvocateOfferedOn is { } advocateOn)
        {
            At("advocate_offered", () => c.RecordAdvocacyOffer(h.AdvocateAccepted, advocateOn, rules, actor));
        }
        At(h.Stream == ComplaintStream.ChildrenSocialCare ? "eligibility" : "handler", () => c.Allocate(h.DirectorateId, h.ServiceAreaId, h.TeamId,
            h.HandlerId.Length > 0 ? h.HandlerId : "imported", ReallocationReason.Unspecified, c.ReceivedOn, rules, actor));
        if (h.AcknowledgedOn is { } ackOn)
        {
            c.DefineIssue(ElsewhereNote, ackOn, rules, actor);
            At(h.DiscussionOffered is null ? "acknowledged" : "discussion_offered",
                () => c.Acknowledge("", "", null, ackOn, rules, actor, h.DiscussionOffered ?? false, h.DiscussionAccepted));
        }
        if (h.RespondDue is { } respondDue)
        {
            At("respond_due", () => c.GiveDue(1, ClockKind.Respond, respondDue, rules, actor));
        }
        if (h.AgreedResponseDue is { } agreedDue)
        {
            At("agreed_response_due", () => c.AgreeResponsePeriod(agreedDue, h.ResponsePeriodAgreedOn ?? h.AcknowledgedOn, rules, actor));
        }
        if (h.ExtensionWorkingDays is { } days)
        {
            At("extension_working_days", () => c.Extend(days, ElsewhereNote, sendNotice: false, h.ExtendedOn ?? h.AcknowledgedOn, rules, actor));
        }
        if (h.RespondedOn is { } respondedOn)
        {
            At("responded", () => c.SendResponse(new Dictionary<string, Finding> { [Issue] = h.Finding }, h.Finding, "", respondedOn, rules, actor));
        }
        if (h.EscalationRequestedOn is { } requestedOn)
        {
            At("escalation_requested", () => c.RequestEscalation(ElsewhereNote, requestedOn, rules, actor));
        }
        if (h.EscalationRefusedOn is { } refusedOn)
        {
            At("escalation_refused", () => c.RefuseEscalation(h.RefusalReasonCode, "", refusedOn, rules, actor));
        }
        if (h.EscalationAcceptedOn is { } acceptedOn)
        {
            Stage2(c, h, acceptedOn, rules, actor);
        }
        if (h.Stage3RequestedOn is { } stage3On)
        {
            Stage3(c, h, stage3On, rules, actor);
        }
        if (h.Ending != CaseEnding.Unspecified)
        {
            At("ending", () => c.End(h.Ending, "", h.EndedOn, rules, actor));
        }
        var lastOn = new[] { h.Stage3RespondedOn, h.Stage2RespondedOn, h.RespondedOn, h.EndedOn, h.AcknowledgedOn }.FirstOrDefault(d => d is not null);
        if (h.NatureCategory.Length > 0)
        {
            At("nature_category", () => c.RecordLearning(h.NatureCategory, h.RootCause, "", [], lastOn, rules, actor));
        }
        var time = new List<TimeEntryNote>();
        if (h.OfficerMinutes is { } minutes)
        {
            // A day's entry is at most 1440 minutes: a historic total is logged as whole days and the rest.
            var officer = actor with { Id = c.HandlerId };
            var workedOn = lastOn ?? c.ReceivedOn;
            for (var left = minutes; left > 0; left -= 1440)
            {
                var logged = Math.Min(left, 1440);
                At("officer_minutes", () => time.Add(c.LogTime(logged, "HISTORIC", workedOn, rules, officer)));
            }
        }
        c.FinishImport();
        return (c, time);
    }

    private static void Stage2(Case c, HistoricCase h, DateOnly acceptedOn, CaseRules rules, Actor actor)
    {
        At("escalation_accepted", () => c.AcceptEscalation(acceptedOn, rules, actor));
        var handler = h.Stage2HandlerId.Length > 0 ? h.Stage2HandlerId : c.HandlerId.Length > 0 ? c.HandlerId : "imported-stage-2";
        Handler(c, handler, "stage2_handler", acceptedOn, rules, actor);
        if (h.Stage2AcknowledgedOn is { } ackOn)
        {
            At("stage2_acknowledged", () => c.Acknowledge("", "", null, ackOn, rules, actor));
        }
        if (h.IndependentPersonId.Length > 0)
        {
            var appointedOn = h.IndependentPersonAppointedOn ?? acceptedOn;
            At("independent_person", () => c.AppointIndependentPerson(h.IndependentPersonId, appointedOn, rules, actor));
            At("complaint_record_agreed", () => c.RecordAgreedComplaint(ElsewhereNote, h.ComplaintRecordAgreedOn ?? appointedOn, rules, actor));
        }
        if (h.Stage2RespondDue is { } due)
        {
            At("stage2_respond_due", () => c.GiveDue(c.CurrentStage, ClockKind.Respond, due, rules, actor));
        }
        if (h.Stage2RespondedOn is { } respondedOn)
        {
            At("stage2_responded", () => c.SendResponse(new Dictionary<string, Finding> { [Issue] = h.Stage2Finding }, h.Stage2Finding, "", respondedOn, rules, actor));
        }
    }

    /// <summary>Children's social care: the review panel, its meeting and report, and the council's response.</summary>
    private static void Stage3(Case c, HistoricCase h, DateOnly requestedOn, CaseRules rules, Actor actor)
    {
        At("stage3_requested", () => c.RequestEscalation(ElsewhereNote, requestedOn, rules, actor));
        if (h.Stage3AcceptedOn is not { } acceptedOn)
        {
            return;
        }
        At("stage3_accepted", () => c.AcceptEscalation(acceptedOn, rules, actor));
        Handler(c, h.Stage3HandlerId.Length > 0 ? h.Stage3HandlerId : "imported-stage-3", "stage3_handler", acceptedOn, rules, actor);
        At("stage3_accepted", () => c.Acknowledge("", "", null, acceptedOn, rules, actor));
        if (h.PanelMemberIds.Count > 0)
        {
            At("panel_members", () => c.AppointPanel(h.PanelMemberIds, h.PanelAppointedOn ?? acceptedOn, rules, actor));
        }
        if (h.PanelMetOn is { } metOn)
        {
            At("panel_met", () => c.RecordPanelMeeting(metOn, rules, actor));
        }
        if (h.PanelReportedOn is { } reportedOn)
        {
            At("panel_reported", () => c.RecordPanelReport(reportedOn, rules, actor));
        }
        if (h.Stage3RespondedOn is { } respondedOn)
        {
            At("stage3_responded", () => c.SendResponse(new Dictionary<string, Finding> { [Issue] = h.Stage3Finding }, h.Stage3Finding, "", respondedOn, rules, actor));
        }
    }

    private static void Handler(Case c, string handler, string column, DateOnly on, CaseRules rules, Actor actor)
    {
        if (handler != c.HandlerId)
        {
            At(column, () => c.Allocate(c.DirectorateId, c.ServiceAreaId, c.TeamId, handler,
                c.HandlerId.Length > 0 ? ReallocationReason.Other : ReallocationReason.Unspecified, on, rules, actor));
        }
    }

    // The rule's own reason, told against the column whose step it refused.
    private static void At(string column, Action step)
    {
        try
        {
            step();
        }
        catch (RuleViolationException ex)
        {
            throw new HistoricStepException(column, ex.Message);
        }
    }
}
