using ComplaintsPlatform.Bench;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using ComplaintsPlatform.Calendar.V1;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Grpc.Net.Client;

// Starts the real platform (local processes, its own data folder), then drives one cheap
// authenticated unary RPC (Calendar.ComputeDeadline) at the same concurrency straight at
// CaseWorkflow's gRPC endpoint and through the gateway, and prints both and the ratio.
var concurrency = ArgInt("--concurrency", 16);
var seconds = ArgInt("--seconds", 10);
var dataDir = Path.Combine(Path.GetTempPath(), $"cp-bench-{Guid.NewGuid():N}");

var logFile = Path.Combine(Path.GetTempPath(), $"gateway-bench-{DateTime.UtcNow:yyyyMMddHHmmss}.log");
await using var app = await BenchPlatform.BuildAsync(dataDir, logFile);
await app.StartAsync();
foreach (var name in new[] { "case-workflow", "gateway" })
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(name);
}

string token;
using (var http = new HttpClient())
{
    token = await DevTokens.ForRoleAsync(http, $"{app.GetEndpoint("gateway", "http")}identity/",
        File.ReadAllText(Path.Combine(dataDir, "secrets", "dev-token-client-secret")).Trim(), Roles.Staff, "bench");
}
var direct = app.GetEndpoint("case-workflow", "grpc");
var gateway = app.GetEndpoint("gateway", "grpc");
Console.WriteLine($"Calendar.ComputeDeadline, concurrency {concurrency}, {seconds} s per run, {Environment.ProcessorCount} cores; platform logs: {logFile}");

// Warm both paths (JIT, connections, the gateway's discovery) before measuring.
await RunAsync(direct, TimeSpan.FromSeconds(3));
await RunAsync(gateway, TimeSpan.FromSeconds(3));
var directResult = await RunAsync(direct, TimeSpan.FromSeconds(seconds));
var gatewayResult = await RunAsync(gateway, TimeSpan.FromSeconds(seconds));

Console.WriteLine($"{"path",-10} {"calls/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
Print("direct", directResult);
Print("gateway", gatewayResult);
Console.WriteLine($"gateway/direct: throughput {gatewayResult.Rate / directResult.Rate:P0}, " +
    $"p50 {gatewayResult.P50 / directResult.P50:F2}x, p99 {gatewayResult.P99 / directResult.P99:F2}x");
Console.WriteLine($"the gateway adds {gatewayResult.P50 - directResult.P50:F2} ms at p50 (target: at most 1 ms)");

await app.StopAsync();
BenchPlatform.DeleteDataFolder(dataDir);

async Task<Result> RunAsync(Uri address, TimeSpan duration)
{
    using var channel = GrpcChannel.ForAddress(address);
    var client = new ComplaintsPlatform.Calendar.V1.Calendar.CalendarClient(channel);
    var headers = new Metadata { { "Authorization", $"Bearer {token}" } };
    var request = new ComputeDeadlineRequest
    {
        Stream = ComplaintStream.Corporate,
        StartDate = new Google.Type.Date { Year = 2025, Month = 12, Day = 19 },
        WorkingDays = 10,
    };
    var stop = Stopwatch.StartNew();
    var errors = 0;
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        var latencies = new List<double>(100_000);
        while (stop.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.ComputeDeadlineAsync(request, headers);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref errors);
            }
        }
        return latencies;
    }).ToList();
    var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
    var elapsed = stop.Elapsed.TotalSeconds;
    return new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static void Print(string name, Result r) =>
    Console.WriteLine($"{name,-10} {r.Rate,10:F0} {r.P50,8:F2} {r.P99,8:F2} {r.Errors,7}");

int ArgInt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

internal sealed record Result(double Rate, double P50, double P99, int Errors);
