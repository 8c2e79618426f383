using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintsPlatform.Reporting.Data;

/// <summary>
/// Generations of the read model. Every table the feeds fill (counters, facts, directory, the inbox
/// and the checkpoints) exists once per generation: generation 0 is the tables the migrations create,
/// generation n the same tables suffixed <c>_g{n}</c>, created LIKE them when a rebuild starts. One
/// row (<see cref="ReadModelState.Serving"/>) says which generation reports read and the live consumers
/// write; a rebuild fills <see cref="ReadModelState.Building"/> and switches that row when it has caught up.
/// A unit of work (a context lease) reads exactly one generation: the serving one when it first
/// touches the read model, unless it chose one (<see cref="ReportingDbContext.UseGeneration"/>).
/// </summary>
public static class Generations
{
    // Reporting's own data, not built from feeds: never generational.
    private static readonly HashSet<string> Kept = ["read_model_state", "api_keys", "self_assessment", "self_assessment_changes"];

    private static readonly Lazy<string[]> TablesOfModel = new(() =>
    {
        using var db = new ReportingDbContext(new DbContextOptionsBuilder<ReportingDbContext>()
            .UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
        return [.. db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Where(t => !Kept.Contains(t)).Distinct().Order()];
    });

    private static readonly Lazy<Regex> TableNames = new(() => new Regex(
        $"\"?{Extensions.Schema}\"?\\.\"?(?<t>{string.Join('|', Tables)})\"?(?![\\w\"])", RegexOptions.Compiled | RegexOptions.CultureInvariant));

    /// <summary>The tables that are rebuilt from the feeds, by their generation-0 names.</summary>
    public static IReadOnlyList<string> Tables => TablesOfModel.Value;

    public static string Suffix(int generation) => generation == 0 ? "" : $"_g{generation}";

    public static string Table(string table, int generation) => $"{Extensions.Schema}.{table}{Suffix(generation)}";

    /// <summary>
    /// A building generation's counter changes, appended batch by batch (no index, no upsert) and
    /// folded into its counters in one statement at the switch. Never generation 0's (it is never built).
    /// </summary>
    public static string PendingCounters(int generation) => $"{Extensions.Schema}.counters_pending{Suffix(generation)}";

    /// <summary>The statement with every read-model table renamed to <paramref name="generation"/>'s.</summary>
    public static string Rewrite(string sql, int generation) =>
        generation == 0 ? sql : TableNames.Value.Replace(sql, m => Table(m.Groups["t"].Value, generation));

    internal static bool TouchesReadModel(string sql) => TableNames.Value.IsMatch(sql);

    internal static bool IsDataStatement(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        foreach (var verb in (ReadOnlySpan<string>)["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE"])
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Creates generation <paramref name="generation"/>'s tables, empty, LIKE generation 0's (columns, keys, indexes).</summary>
    public static async Task CreateAsync(ReportingDbContext db, int generation, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            // Names from the EF model and a number: no input reaches this text.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TABLE {Table(table, generation)} (LIKE {Table(table, 0)} INCLUDING ALL)", ct);
        }
#pragma warning restore EF1002
        await EnsurePendingCountersAsync(db, generation, ct);
    }

    /// <summary>Creates a building generation's pending counters if it has none (one started before they existed).</summary>
    public static async Task EnsurePendingCountersAsync(ReportingDbContext db, int generation, CancellationToken ct)
    {
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE IF NOT EXISTS {PendingCounters(generation)} (LIKE {Table("counters", 0)} INCLUDING DEFAULTS)", ct);
#pragma warning restore EF1002
    }


    /// <summary>Drops generation <paramref name="generation"/>'s tables; generation 0's are emptied (the migrations own them).</summary>
    public static async Task DropAsync(ReportingDbContext db, int generation, CancellationToken ct)
    {
        var tables = string.Join(", ", Tables.Select(t => Table(t, generation)).Concat(generation == 0 ? [] : [PendingCounters(generation)]));
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(generation == 0 ? $"TRUNCATE {tables}" : $"DROP TABLE IF EXISTS {tables}", ct);
#pragma warning restore EF1002
    }

    /// <summary>The generation reports read now (0 before any rebuild, or before the state table exists).</summary>
    internal static async Task<int> ServingAsync(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT serving FROM {Extensions.Schema}.read_model_state WHERE id = 1";
        var value = async ? await cmd.ExecuteScalarAsync(ct) : cmd.ExecuteScalar();
        return value is int serving ? serving : 0;
    }
}

/// <summary>Points each data statement of a <see cref="ReportingDbContext"/> at the generation its unit of work reads.</summary>
internal sealed class GenerationInterceptor : DbCommandInterceptor
{
    public static readonly GenerationInterceptor Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        RewriteAsync(command, eventData, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RewriteAsync(command, eventData, true, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        RewriteAsync(command, eventData, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RewriteAsync(command, eventData, true, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        RewriteAsync(command, eventData, false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await RewriteAsync(command, eventData, true, cancellationToken);
        return result;
    }

    // Schema changes (migrations, creating and dropping generations) name their tables themselves.
    private static async Task RewriteAsync(DbCommand command, CommandEventData eventData, bool async, CancellationToken ct)
    {
        if (eventData.Context is not ReportingDbContext db || !Generations.IsDataStatement(command.CommandText))
        {
            return;
        }
        var generation = db.ChosenGeneration;
        if (generation is null)
        {
            if (!Generations.TouchesReadModel(command.CommandText))
            {
                return;
            }
            generation = await Generations.ServingAsync(command.Connection!, command.Transaction, async, ct);
            db.UseGeneration(generation.Value);
        }
        command.CommandText = Generations.Rewrite(command.CommandText, generation.Value);
    }
}
