using System.Diagnostics;
using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>What one batch did: events applied, the last position it accounted for, and whether the checkpoint moved.</summary>
internal readonly record struct BatchOutcome(int Applied, long Position, bool CheckpointMoved);

/// <summary>
/// Applies consecutive events in one transaction with their inbox rows and the checkpoint. Each
/// event is saved (not committed) before the next and the change tracker cleared, so every event
/// sees the previous ones exactly as it would after their own commits; the commit is once.
/// If anything fails the transaction rolls back whole, and the caller applies the events one by one.
/// </summary>
internal static class BatchApplier
{
    public static async Task<BatchOutcome> ApplyAsync<TContext>(
        TContext db, FeedSubscription sub, IFeedEventHandler<TContext> handler, IReadOnlyList<FeedEvent> events, CancellationToken ct)
        where TContext : DbContext
    {
        // A failure rolls the whole batch back (and the caller retries one by one), so a savepoint per SaveChanges buys nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var checkpoint = await EventApplier.LockCheckpointAsync(db, sub.Consumer, sub.Source, ct);
        var ids = events.Select(e => Guid.Parse(e.EventId)).ToList();
        var seen = (await db.Set<ProcessedEvent>().AsNoTracking()
            .Where(p => p.Consumer == sub.Consumer && ids.Contains(p.EventId))
            .Select(p => p.EventId)
            .ToListAsync(ct)).ToHashSet();
        db.ChangeTracker.Clear();
        var (position, moved) = (checkpoint.Position, false);
        var apply = new List<FeedEvent>(events.Count);
        foreach (var evt in events)
        {
            if (evt.Position <= position)
            {
                continue;
            }
            if (evt.Position != position + 1)
            {
                // Positions are gap-free, so the checkpoint was reset (replay) since this stream began.
                moved = true;
                break;
            }
            if (seen.Add(Guid.Parse(evt.EventId)))
            {
                apply.Add(evt);
            }
            position = evt.Position;
        }
        if (apply.Count > 0 && handler is IFeedBulkHandler<TContext> bulk)
        {
            await ApplyInMemoryAsync(db, sub, bulk, apply, ct);
        }
        else
        {
            foreach (var evt in apply)
            {
                await HandleAsync(db, sub, handler, evt, Guid.Parse(evt.EventId), ct);
            }
            if (apply.Count > 0 && handler is IFeedBatchHandler<TContext> gathering)
            {
                await gathering.BeforeCommitAsync(db, ct);
                db.ChangeTracker.Clear();
            }
        }
        var applied = apply.Count;
        if (position != checkpoint.Position)
        {
            checkpoint.Position = position;
            checkpoint.UpdatedAt = DateTime.UtcNow;
            db.Update(checkpoint);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new(applied, position, moved);
    }

    // The whole batch in memory: one prefetch, no save between events, one save, the handler's gathered
    // writes, and every inbox row in one statement.
    private static async Task ApplyInMemoryAsync<TContext>(
        TContext db, FeedSubscription sub, IFeedBulkHandler<TContext> handler, List<FeedEvent> events, CancellationToken ct)
        where TContext : DbContext
    {
        await handler.PrepareAsync(db, events, ct);
        foreach (var evt in events)
        {
            using var activity = MessagingTelemetry.Source.StartActivity("apply " + evt.EventType, ActivityKind.Consumer);
            activity?.SetTag("messaging.source", sub.Source);
            activity?.SetTag("messaging.consumer", sub.Consumer);
            activity?.SetTag("messaging.message.id", evt.EventId);
            activity?.SetTag("messaging.feed.position", evt.Position);
            activity?.SetTag("messaging.redelivery", false);
            await handler.HandleAsync(db, evt, ct);
        }
        await db.SaveChangesAsync(ct);
        await handler.BeforeCommitAsync(db, ct);
        db.ChangeTracker.Clear();
        var table = MessagingModel.TableOf<ProcessedEvent>(db);
        // The table name comes from the EF model; values are parameters.
        var insert = $"INSERT INTO {table} (consumer, event_id, source, position, processed_at) " +
            "SELECT {0}, e, {1}, p, {2} FROM unnest({3}, {4}) AS t(e, p)";
        await db.Database.ExecuteSqlRawAsync(insert,
            [sub.Consumer, sub.Source, DateTime.UtcNow, events.Select(e => Guid.Parse(e.EventId)).ToArray(), events.Select(e => e.Position).ToArray()], ct);
    }

    private static async Task HandleAsync<TContext>(
        TContext db, FeedSubscription sub, IFeedEventHandler<TContext> handler, FeedEvent evt, Guid eventId, CancellationToken ct)
        where TContext : DbContext
    {
        using var activity = MessagingTelemetry.Source.StartActivity("apply " + evt.EventType, ActivityKind.Consumer);
        activity?.SetTag("messaging.source", sub.Source);
        activity?.SetTag("messaging.consumer", sub.Consumer);
        activity?.SetTag("messaging.message.id", evt.EventId);
        activity?.SetTag("messaging.feed.position", evt.Position);
        activity?.SetTag("messaging.redelivery", false);
        await handler.HandleAsync(db, evt, ct);
        db.Add(new ProcessedEvent
        {
            Consumer = sub.Consumer,
            EventId = eventId,
            Source = sub.Source,
            Position = evt.Position,
            ProcessedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
