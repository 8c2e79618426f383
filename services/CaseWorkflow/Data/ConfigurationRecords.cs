namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>One version of a stream's procedure policy. Cases keep the version they were opened under.</summary>
public sealed class PolicyRecord
{
    public int Stream { get; set; }

    public int Version { get; set; }

    /// <summary>The policy as protobuf JSON (jsonb), so every field of the contract is kept.</summary>
    public string Document { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public string ChangeReason { get; set; } = "";
}

/// <summary>One version of the council's settings, organisation directory and lists.</summary>
public sealed class ConfigurationRecord
{
    public int Version { get; set; }

    public string Document { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>Where it came from: a file name at start-up, or "admin".</summary>
    public string Source { get; set; } = "";

    public string ChangeReason { get; set; } = "";

    /// <summary>The calendar version this configuration produces (bank-holiday data + council settings).</summary>
    public string CalendarVersion { get; set; } = "";
}
