using System.Diagnostics;
using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Consumers;

internal enum ApplyOutcome
{
    Applied,
    AlreadyProcessed,
    CheckpointMoved,
}

/// <summary>
/// Applies one event in one transaction with its inbox row and checkpoint. The checkpoint row is
/// locked first, so a concurrent reset or a second replica waits instead of interleaving.
/// </summary>
internal static class EventApplier
{
    public static async Task<long> EnsureCheckpointAsync(DbContext db, string consumer, string source, CancellationToken ct)
    {
        var table = MessagingModel.TableOf<FeedCheckpoint>(db);
        // The table name comes from the EF model; values are parameters.
        var insert = $"INSERT INTO {table} (consumer, source, position, updated_at) VALUES ({{0}}, {{1}}, 0, now()) ON CONFLICT DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(insert, [consumer, source], ct);
        return await db.Set<FeedCheckpoint>().AsNoTracking()
            .Where(c => c.Consumer == consumer && c.Source == source)
            .Select(c => c.Position)
            .SingleAsync(ct);
    }

    public static async Task<FeedCheckpoint> LockCheckpointAsync(DbContext db, string consumer, string source, CancellationToken ct)
    {
        var table = MessagingModel.TableOf<FeedCheckpoint>(db);
        var select = $"SELECT * FROM {table} WHERE consumer = {{0}} AND source = {{1}} FOR UPDATE";
        var rows = await db.Set<FeedCheckpoint>()
            .FromSqlRaw(select, consumer, source)
            .ToListAsync(ct);
        return rows.Single();
    }

    public static async Task<ApplyOutcome> ApplyAsync<TContext>(
        TContext db, FeedSubscription sub, IFeedEventHandler<TContext> handler, FeedEvent evt, CancellationToken ct)
        where TContext : DbContext
    {
        using var activity = MessagingTelemetry.Source.StartActivity("apply " + evt.EventType, ActivityKind.Consumer);
        activity?.SetTag("messaging.source", sub.Source);
        activity?.SetTag("messaging.consumer", sub.Consumer);
        activity?.SetTag("messaging.message.id", evt.EventId);
        activity?.SetTag("messaging.feed.position", evt.Position);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var checkpoint = await LockCheckpointAsync(db, sub.Consumer, sub.Source, ct);
        if (evt.Position <= checkpoint.Position)
        {
            return ApplyOutcome.AlreadyProcessed;
        }
        if (evt.Position != checkpoint.Position + 1)
        {
            // Positions are gap-free, so the checkpoint was reset (replay) since this stream began.
            return ApplyOutcome.CheckpointMoved;
        }
        var eventId = Guid.Parse(evt.EventId);
        var seen = await db.Set<ProcessedEvent>()
            .AnyAsync(p => p.Consumer == sub.Consumer && p.EventId == eventId, ct);
        if (!seen)
        {
            await handler.HandleAsync(db, evt, ct);
            if (handler is IFeedBatchHandler<TContext> gathering)
            {
                await gathering.BeforeCommitAsync(db, ct);
            }
            db.Add(new ProcessedEvent
            {
                Consumer = sub.Consumer,
                EventId = eventId,
                Source = sub.Source,
                Position = evt.Position,
                ProcessedAt = DateTime.UtcNow,
            });
        }
        checkpoint.Position = evt.Position;
        checkpoint.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        activity?.SetTag("messaging.redelivery", seen);
        return seen ? ApplyOutcome.AlreadyProcessed : ApplyOutcome.Applied;
    }
}
