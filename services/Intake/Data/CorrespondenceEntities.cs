namespace ComplaintsPlatform.Intake.Data;

/// <summary>One letter, email or staff notification: queued durably, then rendered and delivered by the dispatcher.</summary>
public sealed class CorrespondenceMessage
{
    public Guid Id { get; set; }
    public string RequestId { get; set; } = "";
    public Guid? ContactId { get; set; }
    public string? CaseId { get; set; }
    public string TemplateCode { get; set; } = "";
    public string FactsJson { get; set; } = "{}";
    // A letter CaseWorkflow asked for whose words are still to be fetched: its letter code and request
    // id. Until then FactsJson holds CaseWorkflow's facts; the dispatcher maps both when it sends.
    public string? CaseLetterCode { get; set; }
    public string? CaseLetterRequestId { get; set; }
    public string DeliveredBy { get; set; } = "";
    public string RecipientKind { get; set; } = "";
    public string RecipientName { get; set; } = "";
    // An email address, or the postal address lines of a letter.
    public string[] RecipientAddress { get; set; } = [];
    public string? Reference { get; set; }
    public bool LargePrint { get; set; }
    public string Status { get; set; } = CorrespondenceStatus.Pending;
    public DateTime RequestedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateOnly? Deadline { get; set; }
    public bool? WithinDeadline { get; set; }
    public string? Subject { get; set; }
    public string? MediaType { get; set; }
    public byte[]? Document { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    // Set when retention removed the recipient, the facts and the rendered document.
    public DateTime? AnonymisedAt { get; set; }
}

public static class CorrespondenceStatus
{
    public const string Pending = "PENDING";
    public const string Sent = "SENT";
    public const string ReadyToPrint = "READY_TO_PRINT";
    public const string Failed = "FAILED";
    // Neither an email nor a postal address: the team must phone the person.
    public const string NoRoute = "NO_ROUTE";
}

public static class DeliveryChannel
{
    public const string Email = "EMAIL";
    public const string Letter = "LETTER";
}

public static class RecipientKinds
{
    public const string Person = "PERSON";
    public const string Representative = "REPRESENTATIVE";
    public const string Staff = "STAFF";
}

/// <summary>A stream's acknowledgement limit, from CaseWorkflow's ProcedurePolicyChanged events.</summary>
public sealed class AcknowledgeLimit
{
    public int Stream { get; set; }
    public int PolicyVersion { get; set; }
    public int WorkingDays { get; set; }
}

/// <summary>An item of a configured list (exclusion_reasons, signpost_destinations, ...).</summary>
public sealed class ConfiguredListItem
{
    public string ListName { get; set; } = "";
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public bool Retired { get; set; }
}

public sealed class ServiceAreaEntry
{
    public string Id { get; set; } = "";
    public string DirectorateId { get; set; } = "";
    // Names as the council configuration gives them, for the public form's list of services.
    public string Name { get; set; } = "";
    public string DirectorateName { get; set; } = "";
    // The first team's address: staff notifications for the area go there.
    public string? NotificationEmail { get; set; }
}

public sealed class TeamEntry
{
    public string Id { get; set; } = "";
    public string ServiceAreaId { get; set; } = "";
    public string? Email { get; set; }
}

/// <summary>The council configuration version the lists above come from, and the council's calendar settings (one row).</summary>
public sealed class ConfigurationState
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DateTime AppliedAt { get; set; }
    // The division's gov.uk key, the time zone, close of business (HH:mm) and closure days.
    public string Division { get; set; } = "england-and-wales";
    public string TimeZone { get; set; } = "Europe/London";
    public string CloseOfBusiness { get; set; } = "17:00";
    public DateOnly[] ClosureDays { get; set; } = [];
    public string CouncilName { get; set; } = "";
}
