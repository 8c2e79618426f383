using ComplaintsPlatform.Ombudsman.V1;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Data;

/// <summary>One Ombudsman enquiry with its draft and final decision; requests, correspondence and recommendations hang off it.</summary>
public sealed class EnquiryRecord
{
    public Guid Id { get; set; }
    public V1Ombudsman Ombudsman { get; set; }
    public string OmbudsmanReference { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public string DirectorateId { get; set; } = "";
    public string? CaseId { get; set; }
    public string? CaseReference { get; set; }
    public bool PredatesPlatform { get; set; }
    public bool PreAllocation { get; set; }
    public string Summary { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    public DateOnly? DraftReceivedOn { get; set; }
    public DateOnly? CommentsDueOn { get; set; }
    public DateOnly? CommentsSentOn { get; set; }

    public OmbudsmanDecision? Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public ClosureReason? ClosureReason { get; set; }
    public bool? Injustice { get; set; }
    public bool SatisfactoryRemedy { get; set; }
    public string? DecisionNote { get; set; }

    public DateOnly? ReportIssuedOn { get; set; }
    public DateOnly? PublicNoticeDueOn { get; set; }
    public DateOnly? ReportAvailableUntil { get; set; }
    public DateOnly? ReportResponseDueOn { get; set; }
    public DateOnly? PublicNoticeGivenOn { get; set; }
    public DateOnly? ReportResponseSentOn { get; set; }

    /// <summary>When retention (or an approved erasure) removed the words and file names; codes, dates and amounts stay.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    public List<InformationRequestRecord> Requests { get; set; } = [];
    public List<CorrespondenceRecord> Correspondence { get; set; } = [];
    public List<RecommendationRecord> Recommendations { get; set; } = [];

    /// <summary>HOUSING enquiries: the Housing Ombudsman's determination, one finding per element (then <see cref="Decision"/> stays null).</summary>
    public List<HousingFindingRecord> HousingFindings { get; set; } = [];

    /// <summary>HOUSING enquiries: the Housing Ombudsman's orders, kept apart from its recommendations.</summary>
    public List<OrderRecord> Orders { get; set; } = [];

    /// <summary>True once the Ombudsman's final decision (or the Housing Ombudsman's determination) is recorded.</summary>
    public bool IsDecided => DecidedOn is not null;
}

/// <summary>One element of a Housing Ombudsman determination, in the order the determination gives them.</summary>
public sealed class HousingFindingRecord
{
    public Guid Id { get; set; }
    public Guid EnquiryId { get; set; }
    public int Position { get; set; }
    public string Element { get; set; } = "";
    public HousingDetermination Determination { get; set; }
}

/// <summary>A Housing Ombudsman order: the landlord must comply by the compliance date.</summary>
public sealed class OrderRecord
{
    public Guid Id { get; set; }
    public Guid EnquiryId { get; set; }
    public RecommendationType Type { get; set; }
    public string Description { get; set; } = "";
    public long AmountPence { get; set; }
    public DateOnly OrderedOn { get; set; }
    public DateOnly ComplianceDueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Evidence { get; set; }
    public DocumentColumns EvidenceDocument { get; set; } = new();
    public bool Late { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public sealed class InformationRequestRecord
{
    public Guid Id { get; set; }
    public Guid EnquiryId { get; set; }
    public DateOnly RequestedOn { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>Non-zero when the deadline is a count of working days from receipt (recomputed on a calendar change).</summary>
    public int WorkingDays { get; set; }
    public string CalendarVersion { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateOnly? RepliedOn { get; set; }
    public bool Late { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public sealed class CorrespondenceRecord
{
    public Guid Id { get; set; }
    public Guid EnquiryId { get; set; }
    public Direction Direction { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string Summary { get; set; } = "";
    public DocumentColumns Document { get; set; } = new();
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset? AnonymisedAt { get; set; }
}

public sealed class RecommendationRecord
{
    public Guid Id { get; set; }
    public Guid EnquiryId { get; set; }
    public RecommendationType Type { get; set; }
    public string Description { get; set; } = "";
    public long AmountPence { get; set; }
    public DateOnly AgreedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Evidence { get; set; }
    public DocumentColumns EvidenceDocument { get; set; } = new();
    public bool Late { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>A document's metadata (the file itself stays in the council's document store).</summary>
public sealed class DocumentColumns
{
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }
    public string? Reference { get; set; }
}

/// <summary>A queued reminder: the ReminderDue event went out with it; Intake marks it sent when the email goes.</summary>
public sealed class ReminderRecord
{
    public Guid Id { get; set; }
    public Guid EnquiryId { get; set; }
    public DeadlineKind Kind { get; set; }
    public Guid SubjectId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>The council's calendar settings and directorates, as last announced by CaseWorkflow (one row).</summary>
public sealed class CouncilSettingsRecord
{
    public int Id { get; set; } = 1;
    // The gov.uk key of the council's division: england-and-wales, scotland or northern-ireland.
    public string Division { get; set; } = "england-and-wales";
    public string TimeZone { get; set; } = "Europe/London";
    public string CloseOfBusiness { get; set; } = "17:00";
    public List<DateOnly> ClosureDays { get; set; } = [];
    public string? CalendarVersion { get; set; }
    public int ConfigurationVersion { get; set; }
    public List<string> DirectorateIds { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class BenchmarkRecord
{
    public int Year { get; set; }
    public V1Ombudsman Ombudsman { get; set; }
    /// <summary>The figures as entered, kept whole (proto JSON) so a re-entry replaces them.</summary>
    public string Document { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
