using ComplaintsPlatform.Bench;
using System.Diagnostics;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Hosting.Redis;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>
/// GetReport latency through the real Reporting service (test server, real PostgreSQL, real
/// redis-server) with Redis up, stopped and frozen, and the annual report document in each state.
/// The service's logs go to a file; the console gets only the table.
/// </summary>
internal static class RedisOutage
{
    private const int Rounds = 5;

    public static async Task RunAsync(int cases)
    {
        await using var postgres = await TestPostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        var connection = database.ConnectionStrings["reporting-db"];
        await using (var db = new ReportingDbContext(ServiceDatabase.Options<ReportingDbContext>(connection, "reporting")))
        {
            await db.Database.MigrateAsync();
        }
        await BulkLoad.RunAsync(connection, cases);
        using var redis = await TestRedis.StartAsync();
        var logFile = Path.Combine(Path.GetTempPath(), $"reporting-bench-redis-{Environment.ProcessId}.log");
        await using var service = new BenchHost(database, redis, logFile);
        var reports = new V1.Reporting.ReportingClient(service.CreateChannel(TestIdentity.Token("complaints_team", "bench", null, null)));
        var documents = new ReportingDocuments.ReportingDocumentsClient(service.CreateChannel(TestIdentity.Token("complaints_team", "bench", null, null)));
        var circuit = service.Services.GetRequiredService<RedisCircuits>().For("reporting:report-cache");
        var requests = Enum.GetValues<ReportKind>().Where(k => k is > ReportKind.Unspecified and <= ReportKind.Compliments)
            .SelectMany(kind => new[] { Basis.Received, Basis.Resolved }.Select(basis => new ReportRequest
            {
                Report = kind, Basis = basis, Grouping = Grouping.ServiceArea,
                Period = new Period { Kind = PeriodKind.FinancialYear, Year = 2024 },
            })).ToArray();
        var annual = new DocumentRequest { Kind = DocumentKind.AnnualReport, Format = DocumentFormat.Markdown, Period = new Period { Kind = PeriodKind.FinancialYear, Year = 2024 } };
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");

        async Task<Row> MeasureAsync(string state, Func<Task>? beforeEach = null)
        {
            var times = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var request in requests)
                {
                    if (beforeEach is not null)
                    {
                        await beforeEach();
                    }
                    var watch = Stopwatch.StartNew();
                    await reports.GetReportAsync(request);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            var documentTimes = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                if (beforeEach is not null)
                {
                    await beforeEach();
                }
                var watch = Stopwatch.StartNew();
                await documents.GetDocumentAsync(annual);
                documentTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            return new Row(state, Percentile(times, 0.50), Percentile(times, 0.95), times.Max(), documentTimes.Max());
        }

        // Warm the service (JIT, pools) before anything is timed.
        foreach (var request in requests)
        {
            await reports.GetReportAsync(request);
        }
        Task FlushAsync() => admin.GetServer(admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
        var cold = await MeasureAsync("Redis up, cache emptied before each request (anchor)", FlushAsync);
        var warm = await MeasureAsync("Redis up, cache warm");
        redis.Stop();
        var stopped = await MeasureAsync("Redis stopped (measured from the moment it stops)");
        await redis.StartServerAsync();
        await admin.GetServer(admin.GetEndPoints()[0]).PingAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        var back = Stopwatch.StartNew();
        while (!circuit.IsUsable || !service.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected)
        {
            await reports.GetReportAsync(requests[0]);
            await Task.Delay(100);
        }
        var recovered = back.Elapsed;
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", 600_000L, "ALL");
        var frozen = await MeasureAsync("Redis frozen (CLIENT PAUSE: connected, never answers)");
        redis.Stop();

        Console.WriteLine($"GetReport through the Reporting service, {cases:N0} cases loaded, {requests.Length} tables x {Rounds} rounds per state; the annual report document 3 times per state");
        Console.WriteLine($"{"state",-58} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"p95 / anchor",13} {"document max ms",16}");
        foreach (var row in new[] { cold, warm, stopped, frozen })
        {
            Console.WriteLine($"{row.State,-58} {row.P50,8:N1} {row.P95,8:N1} {row.Max,8:N1} {row.P95 / cold.P95,12:N2}x {row.DocumentMax,16:N0}");
        }
        Console.WriteLine($"target: p95 with Redis stopped or frozen within 2x of the anchor -> stopped {stopped.P95 / cold.P95:N2}x, frozen {frozen.P95 / cold.P95:N2}x: {(Math.Max(stopped.P95, frozen.P95) <= 2 * cold.P95 ? "met" : "NOT met")}");
        Console.WriteLine($"Redis restarted: the cache was in use again {recovered.TotalSeconds:N1} s later (circuit break {service.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RedisCircuitOptions>>().Value.BreakFor.TotalSeconds:N0} s)");
        Console.WriteLine($"service logs: {logFile}");
    }

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private sealed record Row(string State, double P50, double P95, double Max, double DocumentMax);

    // The Reporting service as its tests host it, with its logs in a file instead of the console.
    private sealed class BenchHost(TestDatabase database, TestRedis redis, string logFile) : ServiceFactory<ReportCache>(database, redis)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(new FileLogs(logFile));
            });
        }
    }
}
