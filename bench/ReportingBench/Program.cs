// With N cases' worth of data loaded (default 1,000,000 over five financial years): p95 of the full
// set of report tables for one year from the counters, against the same tables by plain SQL
// aggregates over a flat case table, in the same run; then the real handlers' replay rate.
using System.Diagnostics;
using ComplaintsPlatform.Reporting.Bench;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Grpc;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

var cases = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var replayCases = args.Length > 1 ? int.Parse(args[1]) : 5_000;
const int Iterations = 20;

await using var postgres = await TestPostgres.StartAsync();
var database = await postgres.CreateDatabaseAsync();
var connection = database.ConnectionStrings["reporting-db"];
var options = new DbContextOptionsBuilder<ReportingDbContext>()
    .UseNpgsql(connection, o => o.MigrationsHistoryTable("__EFMigrationsHistory", "reporting")).Options;
await using (var db = new ReportingDbContext(options))
{
    await db.Database.MigrateAsync();
}

var watch = Stopwatch.StartNew();
var load = await BulkLoad.RunAsync(connection, cases);
Console.WriteLine($"loaded {cases:N0} cases: {load.CounterRows:N0} counter rows and {cases:N0} flat case rows by COPY in {watch.Elapsed.TotalSeconds:N1} s");

var year = 2024;
var reports = Enum.GetValues<ReportKind>().Where(k => k != ReportKind.Unspecified).ToArray();
async Task<int> AllTablesAsync()
{
    await using var db = new ReportingDbContext(options);
    var builder = new ReportBuilder(db, TimeProvider.System);
    var rows = 0;
    foreach (var report in reports)
    {
        foreach (var basis in new[] { Basis.Received, Basis.Resolved })
        {
            var table = await builder.BuildAsync(new ReportRequest
            {
                Report = report, Basis = basis, Grouping = Grouping.ServiceArea,
                Period = new Period { Kind = PeriodKind.FinancialYear, Year = year },
            }, new ReportAudience(false, null), CancellationToken.None);
            rows += table.Rows.Count;
        }
    }
    return rows;
}

var counters = await TimeAsync("counters: all 12 tables x 2 bases, by service area", AllTablesAsync);
var flat = await TimeAsync("plain SQL over the flat case table, same tables", () => FlatSql.AllTablesAsync(connection, year));
Console.WriteLine($"p95 ratio flat/counters: {flat / counters:N1}x");
await FlatSql.CrossCheckAsync(connection, options, year);

var rate = await Replay.RunAsync(options, replayCases);
Console.WriteLine($"replay through the real handlers: {rate.Events:N0} events in {rate.Elapsed.TotalSeconds:N1} s = {rate.Events / rate.Elapsed.TotalSeconds:N0} events/s (one transaction per event with its inbox row, as the consumer does)");
return;

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
