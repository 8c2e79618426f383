using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Google.Protobuf.WellKnownTypes;
using Enquiry = ComplaintsPlatform.Ombudsman.V1.Enquiry;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

internal static class EnquiryMapping
{
    public static Enquiry ToProto(EnquiryRecord e, DateOnly today, WorkingDayCalendar calendar)
    {
        var next = OpenDeadlines.Next(e);
        var enquiry = new Enquiry
        {
            Id = e.Id.ToString(),
            Ombudsman = e.Ombudsman,
            OmbudsmanReference = e.OmbudsmanReference,
            ReceivedOn = FactDates.ToProto(e.ReceivedOn),
            DirectorateId = e.DirectorateId,
            CaseId = e.CaseId ?? "",
            CaseReference = e.CaseReference ?? "",
            PredatesPlatform = e.PredatesPlatform,
            PreAllocation = e.PreAllocation,
            Summary = e.Summary,
            RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
            RecordedBy = e.RecordedBy,
            NextDeadline = ToProto(next),
            Rag = OpenDeadlines.RagOf(next, today, calendar),
            Requests = { e.Requests.OrderBy(r => r.RequestedOn).ThenBy(r => r.RecordedAt).Select(ToProto) },
            Correspondence = { e.Correspondence.OrderBy(c => c.OccurredOn).ThenBy(c => c.RecordedAt).Select(ToProto) },
            Recommendations = { e.Recommendations.OrderBy(r => r.AgreedOn).ThenBy(r => r.RecordedAt).Select(r => ToProto(r, e.DecidedOn, today)) },
            Orders = { e.Orders.OrderBy(o => o.OrderedOn).ThenBy(o => o.RecordedAt).Select(o => ToProto(o, today)) },
        };
        if (e.DraftReceivedOn is not null)
        {
            enquiry.DraftDecision = new DraftDecision
            {
                ReceivedOn = FactDates.ToProto(e.DraftReceivedOn),
                CommentsDueOn = FactDates.ToProto(e.CommentsDueOn),
                CommentsSentOn = FactDates.ToProto(e.CommentsSentOn),
                Late = e.CommentsSentOn > e.CommentsDueOn,
            };
        }
        if (e.IsDecided)
        {
            enquiry.Decision = new Decision
            {
                Decision_ = e.Decision ?? OmbudsmanDecision.Unspecified,
                HousingFindings =
                {
                    e.HousingFindings.OrderBy(f => f.Position).Select(f => new HousingFinding { Element = f.Element, Determination = f.Determination }),
                },
                DecidedOn = FactDates.ToProto(e.DecidedOn),
                ClosureReason = e.ClosureReason ?? ClosureReason.Unspecified,
                SatisfactoryRemedy = e.SatisfactoryRemedy,
                Note = e.DecisionNote ?? "",
            };
            if (e.Injustice is { } injustice)
            {
                enquiry.Decision.Injustice = injustice;
            }
            if (e.ReportIssuedOn is not null)
            {
                enquiry.Decision.PublicInterestReport = new PublicInterestReport
                {
                    IssuedOn = FactDates.ToProto(e.ReportIssuedOn),
                    PublicNoticeDueOn = FactDates.ToProto(e.PublicNoticeDueOn),
                    AvailableUntil = FactDates.ToProto(e.ReportAvailableUntil),
                    ResponseDueOn = FactDates.ToProto(e.ReportResponseDueOn),
                    PublicNoticeGivenOn = FactDates.ToProto(e.PublicNoticeGivenOn),
                    ResponseSentOn = FactDates.ToProto(e.ReportResponseSentOn),
                };
            }
        }
        return enquiry;
    }

    public static Deadline? ToProto(OpenDeadline? d) => d is null ? null : new Deadline
    {
        Kind = d.Kind,
        SubjectId = d.SubjectId.ToString(),
        DueOn = FactDates.ToProto(d.DueOn),
    };

    public static InformationRequest ToProto(InformationRequestRecord r) => new()
    {
        Id = r.Id.ToString(),
        RequestedOn = FactDates.ToProto(r.RequestedOn),
        DueOn = FactDates.ToProto(r.DueOn),
        WorkingDays = r.WorkingDays,
        CalendarVersion = r.CalendarVersion,
        Summary = r.Summary,
        RepliedOn = FactDates.ToProto(r.RepliedOn),
        Late = r.Late,
    };

    public static Correspondence ToProto(CorrespondenceRecord c) => new()
    {
        Id = c.Id.ToString(),
        Direction = c.Direction,
        OccurredOn = FactDates.ToProto(c.OccurredOn),
        Summary = c.Summary,
        Document = ToProto(c.Document),
        RecordedAt = Timestamp.FromDateTimeOffset(c.RecordedAt),
        RecordedBy = c.RecordedBy,
    };

    public static Recommendation ToProto(RecommendationRecord r, DateOnly? decidedOn, DateOnly today) => new()
    {
        Id = r.Id.ToString(),
        Type = r.Type,
        Description = r.Description,
        AmountPence = r.AmountPence,
        AgreedOn = FactDates.ToProto(r.AgreedOn),
        DueOn = FactDates.ToProto(r.DueOn),
        CompletedOn = FactDates.ToProto(r.CompletedOn),
        Evidence = r.Evidence ?? "",
        EvidenceDocument = ToProto(r.EvidenceDocument),
        Late = r.Late || (r.CompletedOn is null && r.DueOn < today),
        Delayed = OpenDeadlines.IsDelayed(r, decidedOn, today),
    };

    public static Order ToProto(OrderRecord o, DateOnly today) => new()
    {
        Id = o.Id.ToString(),
        Type = o.Type,
        Description = o.Description,
        AmountPence = o.AmountPence,
        OrderedOn = FactDates.ToProto(o.OrderedOn),
        ComplianceDueOn = FactDates.ToProto(o.ComplianceDueOn),
        CompletedOn = FactDates.ToProto(o.CompletedOn),
        Evidence = o.Evidence ?? "",
        EvidenceDocument = ToProto(o.EvidenceDocument),
        Late = o.Late || (o.CompletedOn is null && o.ComplianceDueOn < today),
    };

    public static DocumentMetadata? ToProto(DocumentColumns d) => d.FileName is null && d.Reference is null ? null : new DocumentMetadata
    {
        FileName = d.FileName ?? "",
        ContentType = d.ContentType ?? "",
        SizeBytes = d.SizeBytes ?? 0,
        DocumentReference = d.Reference ?? "",
    };

    public static DocumentColumns ToColumns(DocumentMetadata? d) => d is null ? new DocumentColumns() : new DocumentColumns
    {
        FileName = NullIfEmpty(d.FileName),
        ContentType = NullIfEmpty(d.ContentType),
        SizeBytes = d.SizeBytes == 0 ? null : d.SizeBytes,
        Reference = NullIfEmpty(d.DocumentReference),
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
