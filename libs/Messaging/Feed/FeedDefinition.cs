namespace ComplaintsPlatform.Messaging.Feed;

/// <summary>The feed a service publishes from <typeparamref name="TContext"/>'s outbox, and who may read it.</summary>
public sealed class FeedDefinition<TContext>
{
    public required string Name { get; init; }

    /// <summary>Service names (token subject <c>service:&lt;name&gt;</c>) allowed to read the feed; nobody else may.</summary>
    public required IReadOnlySet<string> Consumers { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// After a commit wakes the sequencer, it waits this long for the commits right behind it, so a busy
    /// producer's rows are positioned a few transactions at a time rather than one sequencing transaction
    /// per commit (ADR 0026).
    /// </summary>
    public TimeSpan GatherDelay { get; init; } = TimeSpan.FromMilliseconds(5);
}
