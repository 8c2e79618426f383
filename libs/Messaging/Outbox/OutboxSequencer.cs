using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>
/// Gives committed outbox rows gap-free positions. Only rows whose transaction is below the
/// snapshot's xmin are taken: every transaction below it has finished, so no row can later
/// appear behind a position already handed out, however out of order transactions commit.
/// </summary>
public static class OutboxSequencer
{
    /// <summary>What one pass did: how many rows got a position, and whether rows (committed or not) still wait for one.</summary>
    public readonly record struct Pass(int Assigned, bool Pending);

    /// <summary>Sequences up to <paramref name="batchSize"/> rows; returns how many got a position (0 if another replica is sequencing).</summary>
    public static async Task<int> SequenceAsync(DbContext db, int batchSize, CancellationToken ct) =>
        (await PassAsync(db, batchSize, ct)).Assigned;

    /// <summary>
    /// One pass in one round trip: the replicas' lock, the positions, whether rows still wait, and the
    /// commit. The positions are given by a statement of their own after the lock's, so their snapshot
    /// sees what any sequencer that held the lock before committed; they are given only when the lock
    /// was taken (the lock's statement records that for the rest of the transaction).
    /// </summary>
    public static async Task<Pass> PassAsync(DbContext db, int batchSize, CancellationToken ct)
    {
        var table = MessagingModel.TableOf<OutboxEvent>(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction)tx.GetDbTransaction(),
        };
        var key = AdvisoryLockKey.For("outbox-sequencer:" + table);
        var lockTaken = new NpgsqlBatchCommand($"SELECT set_config('{LockSetting}', pg_try_advisory_xact_lock($1)::text, true)");
        lockTaken.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        batch.BatchCommands.Add(lockTaken);
        var sequence = new NpgsqlBatchCommand($"""
            WITH head AS (SELECT coalesce(max(position), 0) AS h FROM {table}),
            ready AS (
                SELECT id, row_number() OVER (ORDER BY transaction_id, id) AS n
                FROM {table}
                WHERE position IS NULL AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                  AND current_setting('{LockSetting}') = 'true'
                ORDER BY transaction_id, id
                LIMIT $1)
            UPDATE {table} o SET position = head.h + ready.n
            FROM ready, head
            WHERE o.id = ready.id
            """);
        sequence.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
        batch.BatchCommands.Add(sequence);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT EXISTS (SELECT 1 FROM {table} WHERE position IS NULL)"));
        // Should a statement fail, PostgreSQL skips the rest, the COMMIT included, and the transaction
        // is rolled back when it is disposed.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        bool pending;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // The lock's answer (recorded in the setting) comes first; the update returns no rows, so the
            // next result is whether rows still wait.
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            pending = reader.GetBoolean(0);
            while (await reader.NextResultAsync(ct))
            {
                // the commit: read through, so that an error is thrown here
            }
        }
        return new Pass(sequence.RecordsAffected, pending);
    }

    // A transaction-local setting: whether this transaction holds the sequencer's lock.
    private const string LockSetting = "complaints.outbox_sequencer_locked";
}
