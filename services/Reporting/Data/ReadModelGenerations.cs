using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Data;

/// <summary>Starting a rebuild into a new generation, and its progress.</summary>
public static class ReadModelGenerations
{
    /// <summary>Creates the next generation's empty tables and marks it as building, in one transaction; returns its number.</summary>
    public static async Task<int> StartAsync(ReportingDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {Extensions.Schema}.read_model_state (id, generation, serving) VALUES (1, 0, 0) ON CONFLICT DO NOTHING", ct);
        var state = await db.State.FromSqlRaw($"SELECT * FROM {Extensions.Schema}.read_model_state WHERE id = 1 FOR UPDATE").SingleAsync(ct);
        if (state.Building is { } abandoned)
        {
            await Generations.DropAsync(db, abandoned, ct);
        }
        var generation = Math.Max(state.Generation, Math.Max(state.Serving, state.Retired ?? 0)) + 1;
        await Generations.CreateAsync(db, generation, ct);
        state.Generation = generation;
        state.Building = generation;
        state.RebuiltAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return generation;
    }

    /// <summary>How far <paramref name="generation"/> has applied each feed.</summary>
    public static async Task<Dictionary<string, long>> PositionsAsync(ReportingDbContext db, int generation, CancellationToken ct)
    {
        var positions = new Dictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT source, position FROM {Generations.Table("feed_checkpoints", generation)} WHERE consumer = '{Extensions.ConsumerName}'";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                positions[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return positions;
    }
}
