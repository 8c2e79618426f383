using System.Diagnostics;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>
/// The rebuild rate: generated Intake and CaseWorkflow events (six per case) applied by Reporting's
/// live consumers (batches of up to 100, as events arrive), then the whole read model rebuilt from
/// position 1 into a new generation by the rebuild service, through the same handlers, beside the
/// 20,000 events/s target; the two generations' tables are compared row for row.
/// </summary>
internal static class RebuildRate
{
    public const double Target = 20_000;

    public static async Task RunAsync(int cases, int rebuildBatchSize)
    {
        await using var postgres = await TestPostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        var connection = database.ConnectionStrings["reporting-db"];
        var options = ServiceDatabase.Options<ReportingDbContext>(connection, "reporting");
        await using (var db = new ReportingDbContext(options))
        {
            await db.Database.MigrateAsync();
        }
        var events = Replay.Generate(cases, "rebuild-").ToList();
        await using var consumers = await LiveConsumers.StartAsync(options, connection, 100, rebuildBatchSize);
        Console.WriteLine("| run | events | time | rate | against the target |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        var watch = Stopwatch.StartNew();
        foreach (var (source, message) in events)
        {
            (source == "intake" ? consumers.Intake : consumers.CaseWorkflow).Publish(message);
        }
        await consumers.CaughtUpAsync(options);
        Print("live consumers, batches of up to 100 as events arrive", events.Count, watch.Elapsed);

        watch.Restart();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        int generation;
        await using (var db = new ReportingDbContext(ServiceDatabase.Options<ReportingDbContext>(connection, "reporting")))
        {
            generation = await ReadModelGenerations.StartAsync(db, CancellationToken.None);
        }
        await consumers.Rebuild.RunOnceAsync(CancellationToken.None);
        Print($"rebuild into generation {generation}, batches of up to {rebuildBatchSize:N0}, until the switch", events.Count, watch.Elapsed);
        // On a shared machine the wall clock mostly measures the queue for a core: this is the
        // rebuild's own processor time in this process (PostgreSQL's apart).
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"rebuild processor time in Reporting's process: {used.TotalSeconds:N1} s = {events.Count / used.TotalSeconds:N0} events per processor-second");
        await CompareAsync(connection, generation);
    }

    private static void Print(string label, long events, TimeSpan elapsed)
    {
        var perSecond = events / elapsed.TotalSeconds;
        Console.WriteLine($"| {label} | {events:N0} | {elapsed.TotalSeconds:N1} s | {perSecond:N0} events/s | {perSecond / Target:P0} of {Target:N0}/s |");
    }

    // Every read-model table of the rebuilt generation against the live one (inbox times apart).
    private static async Task CompareAsync(string connection, int generation)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var differing = new List<string>();
        foreach (var table in Generations.Tables.Where(t => t is not "processed_events" and not "feed_checkpoints"))
        {
            var (live, rebuilt) = (Generations.Table(table, 0), Generations.Table(table, generation));
            await using var cmd = new NpgsqlCommand(
                $"SELECT (SELECT count(*) FROM (TABLE {live} EXCEPT ALL TABLE {rebuilt}) a) + (SELECT count(*) FROM (TABLE {rebuilt} EXCEPT ALL TABLE {live}) b)", conn);
            if ((long)(await cmd.ExecuteScalarAsync())! != 0)
            {
                differing.Add(table);
            }
        }
        Console.WriteLine(differing.Count == 0
            ? $"the rebuilt generation's {Generations.Tables.Count - 2} read-model tables equal the live consumers' row for row"
            : $"DIFFERENT after the rebuild: {string.Join(", ", differing)}");
    }
}
