using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>
/// The consumer's own batch transaction for a caller that reads a feed itself (a rebuild catching up
/// from position 0): the same checkpoint lock, inbox, handler calls and commit as the live consumer.
/// </summary>
public static class FeedBatches
{
    /// <summary>The stored checkpoint of <paramref name="consumer"/> on <paramref name="source"/> (0 when new; the row is created).</summary>
    public static Task<long> CheckpointAsync(DbContext db, string consumer, string source, CancellationToken ct) =>
        EventApplier.EnsureCheckpointAsync(db, consumer, source, ct);

    /// <summary>Applies consecutive events in one transaction; returns how many were applied and the checkpoint after it.</summary>
    public static async Task<(int Applied, long Position)> ApplyAsync<TContext>(
        TContext db, string consumer, string source, IFeedEventHandler<TContext> handler, IReadOnlyList<FeedEvent> events, CancellationToken ct)
        where TContext : DbContext
    {
        var outcome = await BatchApplier.ApplyAsync(db, new FeedSubscription(source, consumer), handler, events, ct);
        return (outcome.Applied, outcome.Position);
    }
}
