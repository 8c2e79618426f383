using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>
/// The rebuild rate alone: generated Intake and CaseWorkflow events (six per case) replayed from two
/// feeds through Reporting's real consumers, beside the 20,000 events/s target.
/// </summary>
internal static class RebuildRate
{
    public const double Target = 20_000;

    public static async Task RunAsync(int cases)
    {
        await using var postgres = await TestPostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        var connection = database.ConnectionStrings["reporting-db"];
        var options = ServiceDatabase.Options<ReportingDbContext>(connection, "reporting");
        await using (var db = new ReportingDbContext(options))
        {
            await db.Database.MigrateAsync();
        }
        var rate = await Replay.RunAsync(options, connection, cases, 100);
        Print($"live consumers, batches of up to 100, {cases:N0} cases", rate.Events, rate.Elapsed);
    }

    public static void Print(string label, long events, TimeSpan elapsed)
    {
        var perSecond = events / elapsed.TotalSeconds;
        Console.WriteLine($"| {label} | {events:N0} | {elapsed.TotalSeconds:N1} s | {perSecond:N0} events/s | {perSecond / Target:P0} of {Target:N0} |");
    }
}
