using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>Rebuilding a consumer's state by replaying a source feed from the start.</summary>
public static class FeedReplay
{
    /// <summary>
    /// Sets the checkpoint to zero, forgets the processed event ids, and runs
    /// <paramref name="clearState"/> (e.g. delete the read model) in the same transaction: the caller's
    /// if one is open, else one of its own. The running consumer notices and starts again from position 1.
    /// </summary>
    public static async Task ResetAsync<TContext>(
        TContext db, string consumer, string source,
        Func<TContext, CancellationToken, Task>? clearState, CancellationToken ct)
        where TContext : DbContext
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;
        await using (ownTransaction)
        {
            await EventApplier.EnsureCheckpointAsync(db, consumer, source, ct);
            // Lock the checkpoint before touching the consumer's state, in the order the consumer takes them.
            var checkpoint = await EventApplier.LockCheckpointAsync(db, consumer, source, ct);
            checkpoint.Position = 0;
            checkpoint.UpdatedAt = DateTime.UtcNow;
            await db.Set<ProcessedEvent>().Where(p => p.Consumer == consumer && p.Source == source).ExecuteDeleteAsync(ct);
            if (clearState is not null)
            {
                await clearState(db, ct);
            }
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
    }
}
