using System.Diagnostics;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintsPlatform.CaseWorkflow.Bench;

/// <summary>
/// CaseWorkflow on a throw-away PostgreSQL with N open cases' queue rows loaded by COPY: the work-queue
/// queries' p95 and the deadline watcher's cost per tick (with a batch owed, and with nothing owed).
/// Only the cases owed a reminder carry a full case document; the others' documents are never read.
/// </summary>
internal static class DeadlineBenchProgram
{
    private const int Officers = 500;
    private const int Teams = 100;
    private const int ServiceAreas = 50;
    private const int Runs = 200;

    public static async Task Main(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        var owed = args.Length > 1 ? int.Parse(args[1]) : 2_000;
        // The test host finds the service's content root through the manifest next to this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var infra = await Infrastructure.GetAsync();
        var database = await infra.Postgres.CreateDatabaseAsync();
        await using var host = new ServiceFactory<Program>(database, infra.Redis);
        host.Settings["Reminders:Enabled"] = "false";
        _ = host.Server;
        var connectionString = database.ConnectionStrings["case-workflow-db"];
        var team = new Cases.CasesClient(host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));

        // A real case document (received in March 2025, never acknowledged: overdue) to copy for the owed cases.
        var template = await team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = ComplaintStream.Corporate, ServiceAreaId = "highways-maintenance", Reference = "BENCH-TEMPLATE",
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
        });
        var templateDocument = await ScalarAsync<string>(connectionString, $"SELECT document::text FROM caseworkflow.cases WHERE id = '{template.Id}'");
        var templateDue = new DateOnly(template.NextDeadline.Year, template.NextDeadline.Month, template.NextDeadline.Day);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var load = Stopwatch.StartNew();
        await CopyAsync(connectionString, total, owed, today, templateDocument, template.Id, templateDue);
        await ExecuteAsync(connectionString, "ANALYZE caseworkflow.cases");
        Console.WriteLine($"Loaded {total:N0} open cases ({owed:N0} owed a reminder today) by COPY in {load.Elapsed.TotalSeconds:F1} s");

        Console.WriteLine($"Work-queue queries (first page of 51, {Runs} runs each, after 20 warm-up runs):");
        var queue = "SELECT id, reference, stream, current_stage, status, service_area_id, team_id, handler_id, next_deadline, received_on, safeguarding_concern FROM caseworkflow.cases";
        await TimeQueryAsync(connectionString, "my cases (handler)", $"{queue} WHERE handler_id = 'officer-bench-{{0}}' ORDER BY next_deadline, id LIMIT 51", Officers);
        await TimeQueryAsync(connectionString, "my team's cases", $"{queue} WHERE team_id = 'team-{{0}}' ORDER BY next_deadline, id LIMIT 51", Teams);
        await TimeQueryAsync(connectionString, "all cases (complaints team)", $"{queue} ORDER BY next_deadline, id LIMIT 51 OFFSET {{0}}", 10);
        await TimeQueryAsync(connectionString, "all overdue", $"{queue} WHERE next_deadline < '{today:yyyy-MM-dd}' ORDER BY next_deadline, id LIMIT 51 OFFSET {{0}}", 10);
        await TimeQueryAsync(connectionString, "safeguarding flagged", $"{queue} WHERE safeguarding_concern ORDER BY next_deadline, id LIMIT 51 OFFSET {{0}}", 10);
        await TimeQueryAsync(connectionString, "all cases, old order (IS NULL first)", $"{queue} ORDER BY (next_deadline IS NULL), next_deadline, id LIMIT 51 OFFSET {{0}}", 10, runs: 20);
        await TimeRpcAsync(team);

        Console.WriteLine("Deadline watcher:");
        Console.WriteLine("  plan: " + string.Join(" / ", await PlanAsync(connectionString,
            $"SELECT * FROM caseworkflow.cases WHERE next_reminder_on <= '{today:yyyy-MM-dd}' ORDER BY next_reminder_on, id LIMIT 500")));
        var busy = await TickAsync(host);
        Console.WriteLine($"  tick with {owed:N0} cases owed: {busy.Elapsed.TotalMilliseconds:F0} ms, {busy.Result.RemindersSent:N0} reminders " +
            $"({busy.Elapsed.TotalMilliseconds / Math.Max(1, busy.Result.CasesTouched):F2} ms per case)");
        var quiet = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            quiet.Add((await TickAsync(host)).Elapsed.TotalMilliseconds);
        }
        quiet.Sort();
        Console.WriteLine($"  tick with nothing owed over {total:N0} open cases: median {quiet[quiet.Count / 2]:F2} ms, max {quiet[^1]:F2} ms");
    }

    private static async Task CopyAsync(string connectionString, int total, int owed, DateOnly today, string templateDocument, string templateId, DateOnly templateDue)
    {
        var random = new Random(7);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var writer = await conn.BeginBinaryImportAsync(
            "COPY caseworkflow.cases (id, reference, contact_id, stream, status, current_stage, directorate_id, service_area_id, team_id, handler_id, " +
            "received_on, next_deadline, has_open_deadlines, outstanding_remedies, safeguarding_concern, next_reminder_on, document, revision) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < total; i++)
        {
            var id = Guid.CreateVersion7();
            var reference = $"BENCH-{i:D7}";
            var isOwed = i < owed;
            var nextDeadline = isOwed ? templateDue : today.AddDays(random.Next(-20, 61));
            // Overdue cases not owed anything have been reminded already (null); the rest are owed later.
            DateOnly? remindOn = isOwed ? today : nextDeadline.AddDays(-3) > today ? nextDeadline.AddDays(-3) : null;
            await writer.StartRowAsync();
            await writer.WriteAsync(id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(reference, NpgsqlDbType.Varchar);
            await writer.WriteNullAsync();
            await writer.WriteAsync(random.Next(1, 5), NpgsqlDbType.Integer);
            await writer.WriteAsync(1, NpgsqlDbType.Integer);
            await writer.WriteAsync(random.Next(1, 3), NpgsqlDbType.Integer);
            await writer.WriteAsync("directorate-bench", NpgsqlDbType.Varchar);
            await writer.WriteAsync(isOwed ? "highways-maintenance" : $"area-{random.Next(ServiceAreas)}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(isOwed ? "" : $"team-{random.Next(Teams)}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(isOwed ? "" : $"officer-bench-{random.Next(Officers)}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(nextDeadline.AddDays(-30), NpgsqlDbType.Date);
            await writer.WriteAsync(nextDeadline, NpgsqlDbType.Date);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(random.Next(200) == 0, NpgsqlDbType.Boolean);
            if (remindOn is { } r)
            {
                await writer.WriteAsync(r, NpgsqlDbType.Date);
            }
            else
            {
                await writer.WriteNullAsync();
            }
            var document = isOwed ? templateDocument.Replace(templateId, id.ToString()).Replace("BENCH-TEMPLATE", reference) : "{}";
            await writer.WriteAsync(document, NpgsqlDbType.Jsonb);
            await writer.WriteAsync(1, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
    }

    private static async Task TimeQueryAsync(string connectionString, string name, string sqlFormat, int variants, int runs = Runs)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var random = new Random(11);
        var times = new List<double>();
        for (var i = 0; i < runs + 20; i++)
        {
            var sql = string.Format(sqlFormat, variants == 10 ? random.Next(variants) * 51 : random.Next(variants));
            var watch = Stopwatch.StartNew();
            await using (var cmd = new NpgsqlCommand(sql, conn))
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }
            if (i >= 20)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Report(name, times);
    }

    private static async Task TimeRpcAsync(Cases.CasesClient team)
    {
        var times = new List<double>();
        for (var i = 0; i < 120; i++)
        {
            var watch = Stopwatch.StartNew();
            await team.ListCasesAsync(new ListCasesRequest { Scope = QueueScope.All, OverdueOnly = i % 2 == 0, PageSize = 50 });
            if (i >= 20)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Report("ListCases RPC, all / overdue (incl. auditing 50 reads)", times);
    }

    private static void Report(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"  {name,-55} p50 {times[times.Count / 2],7:F2} ms   p95 {times[(int)(times.Count * 0.95)],7:F2} ms   max {times[^1],7:F2} ms");
    }

    private static async Task<(TimeSpan Elapsed, WatchResult Result)> TickAsync(ServiceFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(CancellationToken.None);
        return (watch.Elapsed, result);
    }

    private static async Task<List<string>> PlanAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + sql, conn);
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0).Trim());
        }
        return lines.Take(3).ToList();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
