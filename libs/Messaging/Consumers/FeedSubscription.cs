namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>One consumer's subscription to one source feed, with its timings.</summary>
public sealed class FeedSubscription(string source, string consumer)
{
    /// <summary>The producing service, e.g. <c>intake</c>.</summary>
    public string Source { get; } = source;

    /// <summary>This service's name as the feed knows it, e.g. <c>reporting</c>.</summary>
    public string Consumer { get; } = consumer;

    /// <summary>How often a standby replica tries to become the active one.</summary>
    public TimeSpan StandbyRetry { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay after a failure (source down, handler error); doubles up to 10 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the active replica checks that its lock connection is still alive.</summary>
    public TimeSpan LeaseCheck { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most events applied in one transaction when the stream has several waiting (replay, bursts);
    /// a lone event is applied at once. 1 applies every event in its own transaction.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    internal string ClientName => $"feed:{Source}:{Consumer}";

    internal string LockName => $"feed-consumer:{Consumer}:{Source}";
}
