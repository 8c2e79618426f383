using Microsoft.Extensions.Logging;
using ComplaintsPlatform.Hosting.Redis;
using StackExchange.Redis;

namespace ComplaintsPlatform.Messaging.Feed;

/// <summary>
/// Wakes open feed streams early when new positions exist: in-process from the sequencer, and
/// across replicas through Redis pub/sub when Redis is there. Only a hint: streams poll anyway,
/// so a lost or absent Redis costs latency, never events.
/// </summary>
public sealed class FeedSignal<TContext>(FeedDefinition<TContext> feed, ILogger<FeedSignal<TContext>> logger, RedisCircuits circuits,
    IConnectionMultiplexer? redis = null)
{
    private readonly RedisCircuit _publisher = circuits.For("feed:" + feed.Name);

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RedisChannel Channel => RedisChannel.Literal("complaints:feed:" + feed.Name);

    /// <summary>Completes at the next signal; take it before reading so a signal in between is not missed.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void Publish()
    {
        Notify();
        _publisher.TrySend(r => r.GetSubscriber().Publish(Channel, "", CommandFlags.FireAndForget));
    }

    public async Task ListenAsync()
    {
        if (redis is null)
        {
            return;
        }
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => Notify());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // StackExchange.Redis restores subscriptions when it reconnects; polling covers the gap.
            logger.LogWarning("Feed {Feed} is not listening on Redis ({Reason}); polling only", feed.Name, ex.GetType().Name);
        }
    }
}
