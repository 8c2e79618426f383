// With N cases' worth of data loaded (default 1,000,000 over five financial years): p95 of the
// original 12 report tables for one year from the counters (and, apart, of every report kind),
// against the same 12 tables by plain SQL aggregates over a flat case table, in the same run; then
// the rebuild rate through the real consumers, one event per transaction and batched; then the
// event-to-report lag under steady intake. With "redis" first: GetReport p50/p95 through the service
// with Redis up, stopped and frozen (RedisOutage), and nothing else.
using System.Diagnostics;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Reporting.Bench;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

if (args.Length > 0 && args[0] == "rebuild")
{
    await RebuildRate.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 20_000, args.Length > 2 ? int.Parse(args[2]) : 20_000);
    return;
}
if (args.Length > 0 && args[0] == "redis")
{
    await RedisOutage.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000);
    return;
}

var cases = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var replayCases = args.Length > 1 ? int.Parse(args[1]) : 500;
var lagRate = args.Length > 2 ? int.Parse(args[2]) : 50;
const int Iterations = 20;

await using var postgres = await TestPostgres.StartAsync();
var database = await postgres.CreateDatabaseAsync();
var connection = database.ConnectionStrings["reporting-db"];
var options = ServiceDatabase.Options<ReportingDbContext>(connection, "reporting");
await using (var db = new ReportingDbContext(options))
{
    await db.Database.MigrateAsync();
}

var watch = Stopwatch.StartNew();
var load = await BulkLoad.RunAsync(connection, cases);
Console.WriteLine($"loaded {cases:N0} cases: {load.CounterRows:N0} counter rows and {cases:N0} flat case rows by COPY in {watch.Elapsed.TotalSeconds:N1} s");

var year = 2024;
// The issue-11 figures are of the first 12 report kinds; Reporting 2 added six more, timed apart so
// the earlier figures stay comparable.
var reports = Enum.GetValues<ReportKind>().Where(k => k != ReportKind.Unspecified).ToArray();
var original = Requests(reports.Where(k => k <= ReportKind.Compliments));
var everything = Requests(reports);
var all = new ReportAudience(false, null);

ReportRequest[] Requests(IEnumerable<ReportKind> kinds) => [.. kinds.SelectMany(report => new[] { Basis.Received, Basis.Resolved }.Select(basis => new ReportRequest
{
    Report = report, Basis = basis, Grouping = Grouping.ServiceArea,
    Period = new Period { Kind = PeriodKind.FinancialYear, Year = year },
}))];

// Each table on its own, as GetReport builds it: one query per table.
async Task<int> AllTablesAsync(ReportRequest[] requests)
{
    await using var db = new ReportingDbContext(options);
    var builder = new ReportBuilder(db, TimeProvider.System);
    var rows = 0;
    foreach (var request in requests)
    {
        rows += (await builder.BuildAsync(request, all, CancellationToken.None)).Rows.Count;
    }
    return rows;
}

// The same tables together (as an annual report would): one query per basis.
async Task<int> TogetherAsync(ReportRequest[] requests)
{
    await using var db = new ReportingDbContext(options);
    var tables = await new ReportBuilder(db, TimeProvider.System).BuildManyAsync(requests, all, CancellationToken.None);
    return tables.Sum(t => t.Rows.Count);
}

// One layout: the original 12 tables (the issue-11 figure) and, separately, all of them.
async Task<(double Original, double OriginalTogether)> LayoutAsync(string layout)
{
    var p95 = await TimeAsync($"counters, {layout}: all 12 tables x 2 bases, by service area", () => AllTablesAsync(original));
    var together = await TimeAsync($"counters, {layout}: the 24 tables built together (BuildManyAsync)", () => TogetherAsync(original));
    await TimeAsync($"counters, {layout}: all {reports.Length} tables x 2 bases (with Reporting 2's)", () => AllTablesAsync(everything));
    await TimeAsync($"counters, {layout}: the {everything.Length} tables built together (BuildManyAsync)", () => TogetherAsync(everything));
    return (p95, together);
}

// Three states of the same rows: as loaded (each key's rows scattered over the table, the worst
// case, before any vacuum has marked pages all-visible); vacuumed, as autovacuum leaves a live table,
// so the covering report index answers by index-only scans; and clustered by that index.
var (asLoaded, asLoadedTogether) = await LayoutAsync("rows as loaded");
await SqlAsync("VACUUM ANALYZE reporting.counters");
var (covering, coveringTogether) = await LayoutAsync("vacuumed, index-only through the covering report index");
await SqlAsync("CLUSTER reporting.counters USING ix_counters_basis_grain_metric_month", "ANALYZE reporting.counters");
var (clustered, clusteredTogether) = await LayoutAsync("clustered by the report index");
var flat = await TimeAsync("plain SQL over the flat case table, the 12 tables", () => FlatSql.AllTablesAsync(connection, year));
Console.WriteLine($"p95 ratio flat/counters: as loaded {flat / asLoaded:N1}x (together {flat / asLoadedTogether:N1}x), clustered {flat / clustered:N1}x ({flat / clusteredTogether:N1}x), vacuumed {flat / covering:N1}x ({flat / coveringTogether:N1}x)");
await FlatSql.CrossCheckAsync(connection, options, year);

foreach (var batchSize in new[] { 1, 100 })
{
    var rate = await Replay.RunAsync(options, connection, replayCases, batchSize);
    Console.WriteLine($"rebuild through the real consumers, batch size {batchSize}: {rate.Events:N0} events in {rate.Elapsed.TotalSeconds:N1} s = {rate.Events / rate.Elapsed.TotalSeconds:N0} events/s");
}
var lag = await Lag.RunAsync(options, connection, lagRate, TimeSpan.FromSeconds(20));
Console.WriteLine($"event-to-report lag at {lagRate} events/s steady intake: p50 {lag.P50:N0} ms, p99 {lag.P99:N0} ms over {lag.Events:N0} events");
return;

async Task SqlAsync(params string[] statements)
{
    await using var conn = new Npgsql.NpgsqlConnection(connection);
    await conn.OpenAsync();
    var watch = Stopwatch.StartNew();
    foreach (var sql in statements)
    {
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"{string.Join("; ", statements.Select(s => s.Split(' ')[0] + " " + s.Split(' ')[1]))}: {watch.Elapsed.TotalSeconds:N1} s");
}

async Task<double> TimeAsync(string label, Func<Task<int>> run)
{
    await run();
    var times = new List<double>();
    for (var i = 0; i < Iterations; i++)
    {
        var w = Stopwatch.StartNew();
        await run();
        times.Add(w.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
    Console.WriteLine($"{label}: p50 {times[times.Count / 2]:N1} ms, p95 {p95:N1} ms over {Iterations} runs");
    return p95;
}
