namespace ComplaintsPlatform.Messaging.Feed;

/// <summary>The feed a service publishes from <typeparamref name="TContext"/>'s outbox, and who may read it.</summary>
public sealed class FeedDefinition<TContext>
{
    public required string Name { get; init; }

    /// <summary>Service names (token subject <c>service:&lt;name&gt;</c>) allowed to read the feed; nobody else may.</summary>
    public required IReadOnlySet<string> Consumers { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int BatchSize { get; init; } = 200;
}
