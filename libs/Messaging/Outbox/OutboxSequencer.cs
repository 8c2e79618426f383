using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>
/// Gives committed outbox rows gap-free positions. Only rows whose transaction is below the
/// snapshot's xmin are taken: every transaction below it has finished, so no row can later
/// appear behind a position already handed out, however out of order transactions commit.
/// </summary>
public static class OutboxSequencer
{
    /// <summary>Sequences up to <paramref name="batchSize"/> rows; returns how many got a position (0 if another replica is sequencing).</summary>
    public static async Task<int> SequenceAsync(DbContext db, int batchSize, CancellationToken ct)
    {
        var table = MessagingModel.TableOf<OutboxEvent>(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var key = AdvisoryLockKey.For("outbox-sequencer:" + table);
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"")
            .SingleAsync(ct);
        if (!locked)
        {
            return 0;
        }
        // A new statement, so its snapshot sees the positions of any sequencer that held the lock before us.
        var sequence = $"""
            WITH head AS (SELECT coalesce(max(position), 0) AS h FROM {table}),
            ready AS (
                SELECT id, row_number() OVER (ORDER BY transaction_id, id) AS n
                FROM {table}
                WHERE position IS NULL AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY transaction_id, id
                LIMIT {batchSize})
            UPDATE {table} o SET position = head.h + ready.n
            FROM ready, head
            WHERE o.id = ready.id
            """;
        var assigned = await db.Database.ExecuteSqlRawAsync(sequence, ct);
        await tx.CommitAsync(ct);
        return assigned;
    }

    /// <summary>Whether rows wait for a position (committed or not): the sequencer then looks again soon, not at its next poll.</summary>
    public static async Task<bool> HasUnsequencedAsync(DbContext db, CancellationToken ct)
    {
        var table = MessagingModel.TableOf<OutboxEvent>(db);
        var exists = $"SELECT EXISTS (SELECT 1 FROM {table} WHERE position IS NULL) AS \"Value\"";
        return await db.Database.SqlQueryRaw<bool>(exists).SingleAsync(ct);
    }
}
