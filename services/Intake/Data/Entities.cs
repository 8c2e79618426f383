namespace ComplaintsPlatform.Intake.Data;

/// <summary>Intake's id for a person, matched on their email or phone so their contacts can be seen together.</summary>
public sealed class Person
{
    public Guid Id { get; set; }

    // "e:<email>" or "p:<digits>"; null when the person gave neither.
    public string? MatchKey { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class Contact
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public string ClientRequestId { get; set; } = "";
    // SHA-256 of the request (or of an imported row), so a repeat with different content is told apart.
    public byte[] RequestFingerprint { get; set; } = [];
    public Guid PersonId { get; set; }
    public int Kind { get; set; }
    public int Channel { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }

    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string[] AddressLines { get; set; } = [];
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public int PreferredContactMethod { get; set; }

    public string? RepresentativeName { get; set; }
    public string? RepresentativeRelationship { get; set; }
    public string? RepresentativeEmail { get; set; }
    public string? RepresentativePhone { get; set; }
    public string[] RepresentativeAddressLines { get; set; } = [];
    public string? RepresentativeTown { get; set; }
    public string? RepresentativePostcode { get; set; }
    public int RepresentativeConsentScope { get; set; }
    public DateOnly? RepresentativeConsentGivenOn { get; set; }

    public int[] Adjustments { get; set; } = [];
    public string? AdjustmentsNotes { get; set; }
    public string Description { get; set; } = "";
    public DateOnly? HappenedOn { get; set; }
    public string? OutcomeSought { get; set; }
    public string? ServiceAreaId { get; set; }
    public byte[] StatusTokenHash { get; set; } = [];

    public bool MemberEnquiry { get; set; }
    public bool PossiblyOutOfTime { get; set; }

    // The current triage decision (0 = not yet triaged); the history is in TriageEntries.
    public int Decision { get; set; }
    public int Stream { get; set; }
    public DateTime? TriagedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    // Set when another service sent the contact back to triage: what it thinks the contact really is.
    public int SuggestedDecision { get; set; }

    // From a council's history: the old system's id (unique), and the file and line it came from.
    public string? ImportSourceId { get; set; }
    public string? ImportSourceFile { get; set; }
    public int? ImportLine { get; set; }

    // Set when retention (or an approved erasure) removed the person's details; codes and dates stay.
    public DateTime? AnonymisedAt { get; set; }

    public bool HasRepresentative => RepresentativeName is not null;

    public bool Imported => ImportSourceId is not null;

    public List<Attachment> Attachments { get; set; } = [];
    public List<TriageEntry> TriageEntries { get; set; } = [];
    public List<DuplicateFlag> DuplicateFlags { get; set; } = [];
}

public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime? AnonymisedAt { get; set; }
}

/// <summary>Equality-monitoring answers, deliberately not linked to the contact or the person.</summary>
public sealed class EqualityAnswers
{
    public Guid Id { get; set; }
    public DateOnly Month { get; set; }
    public int ContactKind { get; set; }
    public string? AgeBand { get; set; }
    public string? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public string? Disability { get; set; }
    public string? Religion { get; set; }
    public string? SexualOrientation { get; set; }
}

public sealed class TriageEntry
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public int Decision { get; set; }
    public int Stream { get; set; }
    public string? ReasonCode { get; set; }
    public string? Notes { get; set; }
    public bool OutOfTimeAccepted { get; set; }
    public string? ServiceAreaId { get; set; }
    public DateTime DecidedAt { get; set; }
    public string DecidedBy { get; set; } = "";
    // A reclassification: the decision it replaced, and why.
    public int ReplacedDecision { get; set; }
    public string? Reason { get; set; }
    public bool OfferedToComplain { get; set; }
}

public sealed class DuplicateFlag
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public Guid OtherContactId { get; set; }
    public double Similarity { get; set; }
    public string Status { get; set; } = DuplicateStatus.Open;
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

public static class DuplicateStatus
{
    public const string Open = "OPEN";
    public const string Confirmed = "CONFIRMED";
    public const string Dismissed = "DISMISSED";
}

/// <summary>Who read or changed a contact's personal data, and when.</summary>
public sealed class AccessRecord
{
    public long Id { get; set; }
    public Guid ContactId { get; set; }
    public string Subject { get; set; } = "";
    public string Action { get; set; } = "";
    public DateTime At { get; set; }
}
