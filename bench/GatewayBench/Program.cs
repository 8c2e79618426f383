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
// One or more concurrencies, e.g. "--concurrency 1,16": one caller shows what the hop adds to a call
// on its own; 16 on 2 cores shows it when the gateway's processor time competes with the service's.
var concurrencies = (ArgValue("--concurrency") ?? "1,16").Split(',').Select(int.Parse).ToArray();
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
Console.WriteLine($"Calendar.ComputeDeadline, {seconds} s per path and concurrency (two alternating halves), {Environment.ProcessorCount} cores; platform logs: {logFile}");
Console.WriteLine();
Console.WriteLine("| concurrency | path | calls/s | p50 ms | p99 ms | errors |");
Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
var added = new List<(int Concurrency, double P50, double Throughput)>();
foreach (var concurrency in concurrencies)
{
    // Warm both paths (JIT, connections, the gateway's discovery) before measuring.
    await RunAsync(direct, concurrency, TimeSpan.FromSeconds(3));
    await RunAsync(gateway, concurrency, TimeSpan.FromSeconds(3));
    // Alternating halves, so a drift in the machine's load falls on both paths alike.
    var half = TimeSpan.FromSeconds(seconds / 2.0);
    var d1 = await RunAsync(direct, concurrency, half);
    var g1 = await RunAsync(gateway, concurrency, half);
    var d2 = await RunAsync(direct, concurrency, half);
    var g2 = await RunAsync(gateway, concurrency, half);
    var directResult = Result.Merge(d1, d2);
    var gatewayResult = Result.Merge(g1, g2);
    Print(concurrency, "straight to CaseWorkflow", directResult);
    Print(concurrency, "through the gateway", gatewayResult);
    added.Add((concurrency, gatewayResult.P50 - directResult.P50, gatewayResult.Rate / directResult.Rate));
}
Console.WriteLine();
Console.WriteLine("| concurrency | the gateway adds at p50 | anchor | ratio | throughput kept |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
foreach (var (concurrency, p50, kept) in added)
{
    Console.WriteLine($"| {concurrency} | {p50:F2} ms | 1 ms | {p50:F2}× | {kept:P0} |");
}

await app.StopAsync();
BenchPlatform.DeleteDataFolder(dataDir);

async Task<Result> RunAsync(Uri address, int concurrency, TimeSpan duration)
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
    var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
    return new Result(all, stop.Elapsed.TotalSeconds, errors);
}

static void Print(int concurrency, string name, Result r) =>
    Console.WriteLine($"| {concurrency} | {name} | {r.Rate:F0} | {r.P50:F2} | {r.P99:F2} | {r.Errors} |");

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int ArgInt(string name, int fallback) => int.TryParse(ArgValue(name), out var v) ? v : fallback;

internal sealed record Result(double[] Latencies, double Seconds, int Errors)
{
    private readonly double[] _sorted = [.. Latencies.Order()];

    public double Rate => Latencies.Length / Seconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public static Result Merge(Result a, Result b) => new([.. a.Latencies, .. b.Latencies], a.Seconds + b.Seconds, a.Errors + b.Errors);

    private double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Min(_sorted.Length - 1, (int)(p * _sorted.Length))];
}
