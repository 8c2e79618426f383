namespace ComplaintsPlatform.Intake.Domain;

/// <summary>Limits and windows of Intake (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public int MaxDescriptionChars { get; set; } = 20_000;
    // One submission is one gRPC message; the gateway refuses a body over its own limit, so Intake
    // receives at most the same (gateway appsettings: Gateway:MaxRequestBodyBytes).
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;
    public int MaxAttachmentBytes { get; set; } = 3 * 1024 * 1024;
    // All of a submission's attachments together, leaving room in the message for its text.
    public int MaxAttachmentsTotalBytes { get; set; } = 3_932_160;
    public int MaxAttachments { get; set; } = 10;
    // File name extensions the public form offers (lower case, with the dot), for the browser's file
    // picker only: what is accepted is decided by each file's content (AttachmentTypes).
    public string[] AllowedAttachmentExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".csv", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp",
         ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".bmp"];
    // Possible duplicates: same person, received within this many days, text at least this similar (pg_trgm).
    public int DuplicateWindowDays { get; set; } = 90;
    public double DuplicateSimilarity { get; set; } = 0.45;
    // Until CaseWorkflow has published its policies, the queue assumes this acknowledgement limit.
    public int DefaultAcknowledgeWorkingDays { get; set; } = 3;
    // Secret behind status tokens (seeded on upgrade from the former shared signing key; ADR 0013).
    public string? StatusTokenKey { get; set; }
    // Where the public follows a contact: a receipt email links to {PublicBaseUrl}/status/open.
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";
    // Submissions that arrive together are written in one transaction by one of this many writers, at
    // most this many to a transaction (ADR 0026).
    public int SubmitWriters { get; set; } = 4;
    public int SubmitBatchLimit { get; set; } = 32;
    // Reference numbers are taken from the sequence this many at a time and handed out from memory, so
    // a submission needs no round trip for its number; those still held when Intake stops are never
    // used (a gap of at most this many). 1 takes each batch's numbers as it needs them.
    public int ReferenceBlock { get; set; } = 32;
}
