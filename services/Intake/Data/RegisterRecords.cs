namespace ComplaintsPlatform.Intake.Data;

/// <summary>A reasonable adjustment agreed for a person (the Code, 5.6): recorded and actively reviewed.</summary>
public sealed class PersonAdjustment
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    // The Adjustment enum value (LARGE_PRINT, INTERPRETER, ...).
    public int Category { get; set; }
    public string Description { get; set; } = "";
    public DateOnly FromDate { get; set; }
    public DateOnly NextReviewOn { get; set; }
    public string AgreedBy { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTime? AnonymisedAt { get; set; }
}

/// <summary>An unreasonable-behaviour restriction on how a person contacts the council; never a bar on complaining.</summary>
public sealed class PersonRestriction
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    // The RestrictionType enum value.
    public int Type { get; set; }
    public string Reason { get; set; } = "";
    public string? Details { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly NextReviewOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public DateOnly? EndedOn { get; set; }
    // The letters telling the person of it and of each change (correspondence ids).
    public Guid[] LetterIds { get; set; } = [];
    public DateTime? AnonymisedAt { get; set; }
}

/// <summary>One review of an adjustment or a restriction (RecordId is the one or the other).</summary>
public sealed class RegisterReviewEntry
{
    public Guid Id { get; set; }
    public Guid RecordId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public int Outcome { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    public string? Notes { get; set; }
    public string ReviewedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// <summary>A contact received from a person under a restriction: triaged as any other, but screened.</summary>
public sealed class RestrictionScreening
{
    public Guid ContactId { get; set; }
    public Guid PersonId { get; set; }
    public string[] RestrictionCodes { get; set; } = [];
    public DateTime FlaggedAt { get; set; }
}
