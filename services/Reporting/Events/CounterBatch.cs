using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ComplaintsPlatform.Reporting.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintsPlatform.Reporting.Events;

public readonly record struct CounterKey(
    string Metric, short Basis, DateOnly Month, string ServiceAreaId, string DirectorateId, string TeamId,
    short Stream, short Stage, short Channel, short Kind, string Code, short Grain = 0);

/// <summary>
/// Each count is kept at five grains, so a report reads only the rows its grouping needs: the base
/// (service area, channel, kind, code; council, directorate, service area and channel groupings),
/// and the base plus team, plus stream, plus stage, or plus both stream and stage. Each grain is kept per month and rolled up
/// per financial year and per calendar year (the grain plus 10 or 20, at the year's first month), so
/// a year is read as one row per key instead of twelve.
/// </summary>
public static class Grains
{
    public const short Base = 0;
    public const short Team = 1;
    public const short Stream = 2;
    public const short Stage = 3;
    // The base plus stream and stage: one stream's figures per stage (the Stage 2 table, top service areas of a stream).
    public const short StreamStage = 4;

    public const short FinancialYear = 10;
    public const short CalendarYear = 20;

    /// <summary>How many rows one change adds to: five grains, each per month, financial year and calendar year.</summary>
    public const int RowsPerChange = 15;

    /// <summary>The rows of one change, by value (a counter change is the rebuild's innermost step: no allocation).</summary>
    [InlineArray(RowsPerChange)]
    public struct Rows
    {
        private CounterKey _row;
    }

    /// <summary>Every row one change to <paramref name="key"/> (at a month) adds to.</summary>
    public static Rows Of(CounterKey key)
    {
        var core = key with { TeamId = "", Stream = 0, Stage = 0 };
        ReadOnlySpan<CounterKey> grains =
        [
            core with { Grain = Base },
            core with { Grain = Team, TeamId = key.TeamId },
            core with { Grain = Stream, Stream = key.Stream },
            core with { Grain = Stage, Stage = key.Stage },
            core with { Grain = StreamStage, Stream = key.Stream, Stage = key.Stage },
        ];
        var financialYear = new DateOnly(key.Month.Month >= 4 ? key.Month.Year : key.Month.Year - 1, 4, 1);
        var calendarYear = new DateOnly(key.Month.Year, 1, 1);
        var rows = new Rows();
        var i = 0;
        foreach (var grain in grains)
        {
            rows[i++] = grain;
            rows[i++] = grain with { Grain = (short)(grain.Grain + FinancialYear), Month = financialYear };
            rows[i++] = grain with { Grain = (short)(grain.Grain + CalendarYear), Month = calendarYear };
        }
        return rows;
    }

    /// <summary>The offset of the rollup that holds exactly this range of months, or 0 to sum months.</summary>
    public static short RollupOf(DateOnly start, DateOnly end) =>
        end != start.AddYears(1) || start.Day != 1 ? (short)0
        : start.Month == 4 ? FinancialYear
        : start.Month == 1 ? CalendarYear
        : (short)0;
}

/// <summary>
/// The counter changes of the events in one consumer transaction, merged and written as one upsert
/// before it commits (so they commit with the inbox rows and checkpoint, or not at all). A rebuild's
/// batches append theirs to the building generation's pending counters instead (COPY into a table
/// without indexes), and the switch folds them in with one grouped upsert: re-upserting the same
/// counter rows batch after batch was most of PostgreSQL's work in a rebuild (ADR 0026).
/// </summary>
public sealed class CounterBatch
{
    public const short Received = 0;
    public const short Resolved = 1;

    private readonly Dictionary<CounterKey, (long Count, long Amount)> _pending = [];

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public void Add(CounterKey key, long count = 1, long amount = 0)
    {
        foreach (var grain in Grains.Of(key with { Month = MonthOf(key.Month) }))
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_pending, grain, out _);
            sum = (sum.Count + count, sum.Amount + amount);
        }
    }

    /// <summary>Adds to both bases: the month received, and the month it happened.</summary>
    public void Both(CounterKey key, DateOnly receivedOn, DateOnly happenedOn, long count = 1, long amount = 0)
    {
        Add(key with { Basis = Received, Month = receivedOn }, count, amount);
        Add(key with { Basis = Resolved, Month = happenedOn }, count, amount);
    }

    // 14 parameters a row: a statement stays well under PostgreSQL's 65,535 bind parameters.
    private const int RowsPerStatement = 2_000;

    // Past this many rows (a rebuild's or a burst's batch), the rows are copied into a staging table
    // and upserted from it in one statement, instead of being sent as parameters.
    private const int CopyFrom = 1_000;

    private const string Columns = "metric, basis, grain, month, service_area_id, directorate_id, team_id, stream, stage, channel, kind, code";

    private const string Upsert = $" ON CONFLICT ({Columns}) DO UPDATE SET count = c.count + excluded.count, amount = c.amount + excluded.amount";

    public async Task FlushAsync(ReportingDbContext db, CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        if (db.Building)
        {
            await CopyAsync(db, Generations.PendingCounters(await db.GenerationAsync(ct)), ct);
            _pending.Clear();
            return;
        }
        if (_pending.Count > CopyFrom)
        {
            await StageAndUpsertAsync(db, ct);
            _pending.Clear();
            return;
        }
        foreach (var chunk in _pending.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {Extensions.Schema}.counters AS c ({Columns}, count, amount) VALUES ");
            var args = new List<object>(chunk.Length * 14);
            var first = true;
            foreach (var (k, v) in chunk)
            {
                sql.Append(first ? "" : ", ").Append('(');
                object[] values = [k.Metric, k.Basis, k.Grain, k.Month, k.ServiceAreaId, k.DirectorateId, k.TeamId, k.Stream, k.Stage, k.Channel, k.Kind, k.Code, v.Count, v.Amount];
                for (var i = 0; i < values.Length; i++)
                {
                    sql.Append(i == 0 ? "" : ", ").Append('{').Append(args.Count).Append('}');
                    args.Add(values[i]);
                }
                sql.Append(')');
                first = false;
            }
            sql.Append(Upsert);
            // The statement holds placeholders only; every value is a parameter.
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
        _pending.Clear();
    }

    // COPY into a temporary staging table (emptied at commit), then one upsert in key order, so two
    // transactions upserting overlapping rows lock them in the same order.
    private async Task StageAndUpsertAsync(ReportingDbContext db, CancellationToken ct)
    {
        var generation = await db.GenerationAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS counter_deltas (LIKE {Generations.Table("counters", 0)} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(db, "counter_deltas", ct);
        await using var upsert = new NpgsqlCommand(
            $"INSERT INTO {Generations.Table("counters", generation)} AS c ({Columns}, count, amount) " +
            $"SELECT {Columns}, count, amount FROM counter_deltas ORDER BY {Columns}{Upsert}", connection);
        await upsert.ExecuteNonQueryAsync(ct);
        await using var empty = new NpgsqlCommand("TRUNCATE counter_deltas", connection);
        await empty.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Adds a building generation's pending counter changes to its counters, summed per row, and drops
    /// them: in the transaction that switches reports to that generation. Nothing but this writes a
    /// building generation's counters, so they are normally empty here: then the sums are inserted into
    /// the bare table and its key and indexes built afterwards, as they were (one sort each instead of
    /// an index insertion per row: about half the fold's time for 88,000 rows, ADR 0026). Counters
    /// that already hold rows (a generation whose rebuild began before pending counters existed) take
    /// the sums as an upsert in key order.
    /// </summary>
    public static async Task FoldPendingAsync(ReportingDbContext db, int generation, CancellationToken ct)
    {
        var (counters, pending) = (Generations.Table("counters", generation), Generations.PendingCounters(generation));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // The grouping of a few hundred thousand rows stays in memory instead of sorting on disk.
        await ExecuteAsync(connection, "SET LOCAL work_mem = '64MB'; SET LOCAL maintenance_work_mem = '64MB'", ct);
        var sums = $"SELECT {Columns}, sum(count), sum(amount) FROM {pending} GROUP BY {Columns}";
        await using (var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {counters})", connection))
        {
            if ((bool)(await any.ExecuteScalarAsync(ct))!)
            {
                await ExecuteAsync(connection, $"INSERT INTO {counters} AS c ({Columns}, count, amount) {sums} ORDER BY {Columns}{Upsert}", ct);
                await ExecuteAsync(connection, $"DROP TABLE {pending}", ct);
                return;
            }
        }
        // The table's own definitions (LIKE generation 0's, names and all), dropped and made again.
        var (drop, create) = (new List<string>(), new List<string>());
        await using (var definitions = new NpgsqlCommand(
            "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname), " +
            "format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) " +
            "FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u') " +
            "UNION ALL " +
            "SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid) " +
            "FROM pg_index i WHERE i.indrelid = $1::regclass " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)", connection))
        {
            definitions.Parameters.Add(new NpgsqlParameter { Value = counters });
            await using var reader = await definitions.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drop.Add(reader.GetString(0));
                create.Add(reader.GetString(1));
            }
        }
        foreach (var statement in drop)
        {
            await ExecuteAsync(connection, statement, ct);
        }
        await ExecuteAsync(connection, $"INSERT INTO {counters} ({Columns}, count, amount) {sums}; DROP TABLE {pending}", ct);
        foreach (var statement in create)
        {
            await ExecuteAsync(connection, statement, ct);
        }
    }

    // Statements built from table names of ours and PostgreSQL's own definitions: no input reaches them.
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    // Every pending change as one binary COPY into the table given (its name is ours, never input).
    private async Task CopyAsync(ReportingDbContext db, string table, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}, count, amount) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (k, v) in _pending)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(k.Metric, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(k.Basis, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(k.Grain, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(k.Month, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(k.ServiceAreaId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(k.DirectorateId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(k.TeamId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(k.Stream, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(k.Stage, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(k.Channel, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(k.Kind, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(k.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(v.Count, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(v.Amount, NpgsqlDbType.Bigint, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }
}
