namespace ComplaintsPlatform.Reporting.Data;

/// <summary>
/// One pre-aggregated counter: how many things (and their total amount: pence, working days,
/// actions) of one kind happened in one council-local month for one combination of dimensions.
/// Every event adds to two bases: the month the case or contact was received, and the month the
/// thing itself happened, so that either basis is a sum over twelve months, never a scan of cases.
/// </summary>
public sealed class Counter
{
    public string Metric { get; set; } = "";
    public short Basis { get; set; }
    // See Events.Grains: which dimensions beyond the service area this row keeps.
    public short Grain { get; set; }
    public DateOnly Month { get; set; }
    public string ServiceAreaId { get; set; } = "";
    // Only where an event names a directorate but no service area (Ombudsman enquiries).
    public string DirectorateId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public short Stream { get; set; }
    public short Stage { get; set; }
    public short Channel { get; set; }
    public short Kind { get; set; }
    public string Code { get; set; } = "";
    public long Count { get; set; }
    public long Amount { get; set; }
}

/// <summary>What the handlers need to remember about a case to attribute its later events (no personal data).</summary>
public sealed class CaseFact
{
    public string CaseId { get; set; } = "";
    public string ServiceAreaId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public short Stream { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly StageStartedOn { get; set; }
    public DateOnly? FaultFoundOn { get; set; }
    public bool HasLesson { get; set; }
    // The learning actions already counted, as a later LearningRecorded for the case replaces the last.
    public int LearningActions { get; set; }
    // Bit n set: officer time was logged on the case at stage n (so a case counts once per stage).
    public short TimeStages { get; set; }
}

/// <summary>A council remedy agreed on a case, so its completion can take it off the month it was agreed in.</summary>
public sealed class RemedyFact
{
    public string RemedyId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public DateOnly AgreedOn { get; set; }
    public bool Completed { get; set; }
    // Where it was counted as outstanding, so its completion takes it off the same counter.
    public string ServiceAreaId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public short Stage { get; set; }
    public string TypeCode { get; set; } = "";
}

public sealed class ContactFact
{
    public string ContactId { get; set; } = "";
    public short Kind { get; set; }
    public short Channel { get; set; }
    public string ServiceAreaId { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public short Decision { get; set; }
    public DateOnly? TriagedOn { get; set; }
    public bool Member { get; set; }
}

public sealed class ComplimentFact
{
    public string ComplimentId { get; set; } = "";
    public string ServiceAreaId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public short Channel { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public bool Counted { get; set; }
}

/// <summary>The council's organisation and lists as CaseWorkflow last published them: ids to names and parents.</summary>
public sealed class DirectoryEntry
{
    // "directorate", "service_area", "team", or a list name such as "nature_categories".
    public string Kind { get; set; } = "";
    public string Id { get; set; } = "";
    public string ParentId { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class CouncilRow
{
    public int Id { get; set; } = 1;
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/London";

    // The council's calendar settings: its division's gov.uk key, close of business (HH:mm), closure days.
    public string Division { get; set; } = "england-and-wales";
    public string CloseOfBusiness { get; set; } = "17:00";
    public List<DateOnly> ClosureDays { get; set; } = [];

    /// <summary>From the council configuration; 0 until it is known (no rate per 100,000 is shown then).</summary>
    public long Population { get; set; }

    /// <summary>Public tables hide counts below this at team and service-area level (council configuration).</summary>
    public int SmallNumberThreshold { get; set; } = Domain.Suppression.Threshold;

    /// <summary>The ReportingYear the council publishes by: scrutiny may ask for that kind of year.</summary>
    public short ReportingYear { get; set; }
}

/// <summary>
/// The read model's generations (see Generations): the last one started, the one serving, the one a
/// rebuild is filling, and the one retired by the last switch, dropped once no report can still be reading it.
/// </summary>
public sealed class ReadModelState
{
    public int Id { get; set; } = 1;
    // The last generation a rebuild started.
    public int Generation { get; set; }
    public DateTime? RebuiltAt { get; set; }
    public int Serving { get; set; }
    public int? Building { get; set; }
    public int? Retired { get; set; }
    public DateTime? SwitchedAt { get; set; }
}

/// <summary>A scrutiny API key: only the SHA-256 of the secret is kept.</summary>
public sealed class ApiKeyRow
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
