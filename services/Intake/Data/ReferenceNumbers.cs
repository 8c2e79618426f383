using Npgsql;

namespace ComplaintsPlatform.Intake.Data;

/// <summary>
/// Reference numbers for new contacts, taken from the database sequence a block at a time and handed
/// out from memory, so a submission's writes need no round trip to learn its number first (ADR 0026).
/// A number is used once or never: one handed out and not used (the person was known, the request was
/// a retry) comes back to be given again, while a block still held when Intake stops, like a number
/// taken by a transaction that rolled back, is a gap in the references and nothing more.
/// </summary>
public sealed class ReferenceNumbers(int block)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<long> _free = new();
    private readonly int _block = Math.Max(1, block);

    /// <summary>Numbers still held in memory.</summary>
    public int Held
    {
        get
        {
            lock (_free)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> unused numbers; if fewer are held, a block (at least <paramref name="count"/>)
    /// is taken from the sequence on <paramref name="connection"/> first.
    /// </summary>
    public async Task<long[]> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int count, CancellationToken ct)
    {
        if (TryTake(count) is { } taken)
        {
            return taken;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (TryTake(count) is { } meanwhile)
            {
                return meanwhile;
            }
            // nextval is outside any transaction's reach: a rollback does not give the block back.
            await using var command = new NpgsqlCommand(
                $"SELECT nextval('intake.{IntakeDbContext.ReferenceSequence}') FROM generate_series(1, $1)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(_block, count) });
            var fresh = new List<long>(Math.Max(_block, count));
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    fresh.Add(reader.GetInt64(0));
                }
            }
            fresh.Sort();
            lock (_free)
            {
                fresh.ForEach(_free.Enqueue);
            }
            return TryTake(count) ?? throw new InvalidOperationException("The reference sequence gave too few numbers.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives back numbers that were handed out and certainly not used.</summary>
    public void Return(IReadOnlyCollection<long> unused)
    {
        if (unused.Count == 0)
        {
            return;
        }
        lock (_free)
        {
            // Returned numbers are older than any held: they go first, so references stay close to arrival order.
            var all = unused.Concat(_free).ToList();
            all.Sort();
            _free.Clear();
            all.ForEach(_free.Enqueue);
        }
    }

    private long[]? TryTake(int count)
    {
        lock (_free)
        {
            if (_free.Count < count)
            {
                return null;
            }
            var taken = new long[count];
            for (var i = 0; i < count; i++)
            {
                taken[i] = _free.Dequeue();
            }
            return taken;
        }
    }
}
