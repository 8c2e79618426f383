namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>A reminder the deadline watcher sent: the officer's queue entry (the event and email went with it).</summary>
public sealed class ReminderRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Reference { get; set; } = "";
    public int Stage { get; set; }
    public int Clock { get; set; }
    public DateOnly Due { get; set; }
    public int Kind { get; set; }

    /// <summary>The handler; empty for an unallocated case (the complaints team's queue).</summary>
    public string OfficerId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A task (record a late response's delay) is done when the delay is recorded; reminders stay null.</summary>
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>Minutes an officer spent on a case, with the stage and service area at the time, for totals.</summary>
public sealed class TimeEntryRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Stage { get; set; }
    public string DirectorateId { get; set; } = "";
    public string ServiceAreaId { get; set; } = "";
    public string OfficerId { get; set; } = "";
    public int Minutes { get; set; }
    public string ActivityCode { get; set; } = "";
    public DateOnly WorkedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
