namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>An event a consumer has applied, stored in the same transaction as the handler's effect.</summary>
public sealed class ProcessedEvent
{
    public string Consumer { get; set; } = "";

    public Guid EventId { get; set; }

    public string Source { get; set; } = "";

    public long Position { get; set; }

    public DateTime ProcessedAt { get; set; }
}

/// <summary>How far a consumer has applied a source feed: the last applied position.</summary>
public sealed class FeedCheckpoint
{
    public string Consumer { get; set; } = "";

    public string Source { get; set; } = "";

    public long Position { get; set; }

    public DateTime UpdatedAt { get; set; }
}
