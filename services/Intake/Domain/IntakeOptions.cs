namespace ComplaintsPlatform.Intake.Domain;

/// <summary>Limits and windows of Intake (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public int MaxDescriptionChars { get; set; } = 20_000;
    public int MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxAttachments { get; set; } = 10;
    // File name extensions accepted for attachments (lower case, with the dot): documents and pictures
    // the complaints team can open safely. Configuration replaces the whole list.
    public string[] AllowedAttachmentExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".jpg", ".jpeg", ".png", ".gif", ".xls", ".xlsx", ".ods", ".csv"];
    // Possible duplicates: same person, received within this many days, text at least this similar (pg_trgm).
    public int DuplicateWindowDays { get; set; } = 90;
    public double DuplicateSimilarity { get; set; } = 0.45;
    // Until CaseWorkflow has published its policies, the queue assumes this acknowledgement limit.
    public int DefaultAcknowledgeWorkingDays { get; set; } = 3;
    // Redis look-ups of Submit give up after this long, and Redis is skipped for a while after a failure.
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(150);
    public TimeSpan RedisBreakFor { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IdempotencyCacheFor { get; set; } = TimeSpan.FromHours(24);
    // Secret behind status tokens (seeded on upgrade from the former shared signing key; ADR 0013).
    public string? StatusTokenKey { get; set; }
    // Where the public follows a contact: a receipt email links to {PublicBaseUrl}/status/open.
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";
}
