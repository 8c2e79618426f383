using System.Diagnostics;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Npgsql;

namespace ComplaintsPlatform.CaseWorkflow.ImportBench;

/// <summary>
/// 100,000 historic cases through ImportCases (streamed in 64 KiB chunks, as the command-line tool
/// sends a file), then the same file again: rows per second, seconds, and what each run reported.
/// </summary>
internal static class ImportBenchProgram
{
    private const int ChunkSize = 64 * 1024;

    public static async Task Main(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        // The test host finds the service's content root through the manifest next to this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var infra = await Infrastructure.GetAsync();
        var database = await infra.Postgres.CreateDatabaseAsync();
        await using var host = new ServiceFactory<Program>(database, infra.Redis);
        host.Settings["Reminders:Enabled"] = "false";
        host.Settings["Logging:LogLevel:Default"] = "Warning";
        _ = host.Server;
        var client = new CaseImport.CaseImportClient(host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));

        var file = HistoryFile.Generate(total);
        Console.WriteLine($"Generated {total:N0} historic cases (2019-2025) as CSV: {file.Length / 1024.0 / 1024.0:F1} MiB");

        await RunAsync("First import", client, file, total);
        var connectionString = database.ConnectionStrings["case-workflow-db"];
        var events = await CountAsync(connectionString, "outbox_events");
        Console.WriteLine($"  cases stored: {await CountAsync(connectionString, "cases"):N0}, outbox events staged: {events:N0}");
        await RunAsync("Re-import of the same file", client, file, total);
        Console.WriteLine($"  outbox events after the re-import: {await CountAsync(connectionString, "outbox_events"):N0} (before: {events:N0})");
    }

    private static async Task RunAsync(string title, CaseImport.CaseImportClient client, byte[] file, int total)
    {
        var clock = Stopwatch.StartNew();
        using var call = client.ImportCases();
        for (var i = 0; i < file.Length; i += ChunkSize)
        {
            await call.RequestStream.WriteAsync(new ImportChunk
            {
                SourceFile = i == 0 ? "bench-history.csv" : "",
                Data = ByteString.CopyFrom(file, i, Math.Min(ChunkSize, file.Length - i)),
            });
        }
        await call.RequestStream.CompleteAsync();
        var report = await call;
        clock.Stop();
        Console.WriteLine($"{title}: {total:N0} rows in {clock.Elapsed.TotalSeconds:F1} s = {total / clock.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"  read {report.RowsRead:N0}, imported {report.RowsImported:N0}, unchanged {report.RowsUnchanged:N0}, failed {report.RowsFailed:N0}" +
            (report.Errors.Count > 0 ? $" (first: line {report.Errors[0].Line} {report.Errors[0].Column}: {report.Errors[0].Reason})" : ""));
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM caseworkflow.{table}", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
