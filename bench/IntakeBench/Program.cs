using System.Diagnostics;
using System.Net;
using ComplaintsPlatform.Intake.Bench;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.LocalInfrastructure;
using Grpc.Net.Client;

// Submit throughput and latency, called directly on a running Intake (its own process, Kestrel,
// HTTP/2) over a durable PostgreSQL, beside pgbench for one contact row + one outbox row.
var seconds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SECONDS"), out var s) ? s : 10;
await using var servers = new LocalServers();
await servers.StartAsync();
await PgBench.PrepareAsync(servers.AdminConnectionString);

var grpcPort = FreePort.Next();
var httpPort = FreePort.Next();
var intakeDll = IntakeDll();
var service = LocalServers.Start("dotnet", [intakeDll], new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["ConnectionStrings__intake-db"] = servers.IntakeConnectionString,
    // Submit itself uses no Redis (ADR 0022); the feed's wake-up of other replicas does.
    ["ConnectionStrings__redis"] = servers.RedisConnectionString,
    // Submit is public: no token is needed, but the service must trust some issuer's key to start.
    ["Identity__Issuer"] = "bench",
    ["Identity__IssuerPublicKey"] = System.Security.Cryptography.RSA.Create(2048).ExportSubjectPublicKeyInfoPem(),
    ["Intake__StatusTokenKey"] = "bench-only-status-token-key-0123456789",
    ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}",
    ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
    ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
    ["Logging__LogLevel__Default"] = "Warning",
    // CaseWorkflow is not running: its feed consumer backs off quietly.
    ["Feeds__caseworkflow__Address"] = "http://127.0.0.1:9",
}, Path.GetDirectoryName(intakeDll));
try
{
    using (var http = new HttpClient())
    {
        await LocalServers.WaitAsync(async () => (await http.GetAsync($"http://127.0.0.1:{httpPort}/health")).EnsureSuccessStatusCode());
    }
    using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });
    var client = new ComplaintsPlatform.Intake.V1.Intake.IntakeClient(channel);

    // Rounds alternate Intake and pgbench, so that a shared machine's slower moments fall on both.
    var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var n) && n > 0 ? n : 3;
    Console.WriteLine($"Intake bench: durable PostgreSQL (fsync=on, synchronous_commit=on), {Environment.ProcessorCount} cores, " +
        $"{rounds} rounds of {seconds} s each, Intake and pgbench alternating, {LoadAverage()}");
    await Load(client, 8, 15); // warm-up: JIT, pools, plans
    Console.WriteLine();
    Console.WriteLine("| run | concurrency | per second | p50 ms | p99 ms | errors |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    var processorTimes = new List<string>();
    foreach (var concurrency in (Environment.GetEnvironmentVariable("BENCH_CONCURRENCY") ?? "1,8,32").Split(",").Select(int.Parse))
    {
        var intake = new List<LoadRun>();
        var pgbench = new List<PgBench.Run>();
        var used = new ProcessorTime();
        long intakeWal = 0, pgbenchWal = 0;
        for (var round = 0; round < rounds; round++)
        {
            var before = ProcessorTime.Now(service.Id, servers.PostmasterPid);
            var walBefore = await servers.WalBytesAsync();
            intake.Add(await Load(client, concurrency, seconds));
            // The background work the round's Submits caused (the sequencer, the receipts) finishes first.
            await Task.Delay(TimeSpan.FromSeconds(1));
            used += ProcessorTime.Now(service.Id, servers.PostmasterPid) - before;
            var walBetween = await servers.WalBytesAsync();
            intakeWal += walBetween - walBefore;
            pgbench.Add(PgBench.Execute(servers, concurrency, seconds));
            pgbenchWal += await servers.WalBytesAsync() - walBetween;
        }
        var r = LoadRun.Together(intake);
        var submits = r.Latencies.Length;
        processorTimes.Add($"| {concurrency} | {used.Client.TotalMilliseconds / submits:F2} | {used.Service.TotalMilliseconds / submits:F2} | " +
            $"{used.Postgres.TotalMilliseconds / submits:F2} | {(used.Client + used.Service + used.Postgres).TotalMilliseconds / submits:F2} | " +
            $"{intakeWal / submits:N0} | {pgbenchWal / pgbench.Sum(p => p.Transactions):N0} |");
        var pgTps = pgbench.Average(p => p.Tps);
        Console.WriteLine($"| Intake Submit, direct gRPC | {concurrency} | {r.Rate:F0} | {r.At(0.50):F2} | {r.At(0.99):F2} | {r.Errors} |");
        Console.WriteLine($"| pgbench: contact row + outbox row | {concurrency} | {pgTps:F0} | avg {pgbench.Average(p => p.AvgLatencyMs):F2} | - | 0 |");
        var each = string.Join(", ", intake.Zip(pgbench, (i, p) => $"{100 * i.Rate / p.Tps:F0}"));
        Console.WriteLine($"| Intake as a share of pgbench (target 50 %; each round {each} %) | {concurrency} | {100 * r.Rate / pgTps:F0} % | - | - | - |");
    }
    // Where the time goes: the same stack (HTTP/2, gRPC, auth, interceptor, pooled DbContext) around
    // a single indexed read and no commit, against a Submit at the same concurrency.
    var baseline = await Measure(concurrency: 1, seconds, async () =>
    {
        try
        {
            await client.GetStatusAsync(new GetStatusRequest { Reference = "CP-1900-000000", StatusToken = "x" });
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
        }
    });
    Console.WriteLine($"| GetStatus (gRPC + one indexed read, no commit) | 1 | {baseline.Rate:F0} | {baseline.At(0.50):F2} | {baseline.At(0.99):F2} | {baseline.Errors} |");
    Console.WriteLine();
    // Everything each Submit cost, the background work it causes included (the sequencer, the receipt
    // letter), and the WAL it wrote, beside pgbench's transaction.
    Console.WriteLine("| concurrency | processor ms per Submit: bench client | Intake | PostgreSQL | all three | WAL bytes per Submit | per pgbench transaction |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    processorTimes.ForEach(Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine($"At the end: {LoadAverage()}. Through the gateway: see GatewayBench.");
}
finally
{
    LocalServers.Stop(service);
}

static Task<LoadRun> Load(ComplaintsPlatform.Intake.V1.Intake.IntakeClient client, int concurrency, int seconds) =>
    Measure(concurrency, seconds, () => client.SubmitAsync(Submission(), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

// Calls from this many workers for this long; a call that fails is counted, not timed.
static async Task<LoadRun> Measure(int concurrency, int seconds, Func<Task> call)
{
    var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var errors = 0;
    var started = Stopwatch.StartNew();
    var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        var latencies = new List<double>();
        while (Stopwatch.GetTimestamp() < until)
        {
            var t = Stopwatch.GetTimestamp();
            try
            {
                await call();
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            catch (Grpc.Core.RpcException ex)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    Console.Error.WriteLine($"First error: {ex.Status}");
                }
            }
        }
        return latencies;
    }));
    return new LoadRun([.. perWorker.SelectMany(l => l).Order()], started.Elapsed.TotalSeconds, errors);
}

static SubmitRequest Submission() => new()
{
    ClientRequestId = Guid.NewGuid().ToString(),
    Kind = ContactKind.Complaint,
    Name = "Bench Person",
    Contact = new ContactDetails
    {
        Email = $"bench-{Guid.NewGuid():N}@example.org",
        Address = new PostalAddress { Lines = { "1 High Street" }, Town = "Leicester", Postcode = "LE1 1AA" },
    },
    // Letters: the receipt is rendered and stored by the dispatcher without an SMTP server.
    PreferredContactMethod = ContactMethod.Letter,
    Description = "The bins were missed again. The bins were missed again. The bins were missed again.",
    OutcomeSought = "Collect the bins.",
};

// The machine's other work, beside the figures: a shared machine's rates are lower bounds.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

static string IntakeDll()
{
#if DEBUG
    const string configuration = "Debug";
#else
    const string configuration = "Release";
#endif
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
        {
            return Path.Combine(dir.FullName, "services", "Intake", "bin", configuration, "net10.0", "ComplaintsPlatform.Intake.dll");
        }
    }
    throw new InvalidOperationException("Run the bench from inside the repository.");
}

/// <summary>Calls answered in one or more load runs: their latencies (sorted), the time taken and the errors.</summary>
internal sealed record LoadRun(double[] Latencies, double Seconds, int Errors)
{
    public double Rate => Latencies.Length / Seconds;

    public double At(double quantile) => Latencies.Length == 0 ? double.NaN : Latencies[Math.Min(Latencies.Length - 1, (int)(quantile * Latencies.Length))];

    public static LoadRun Together(IReadOnlyList<LoadRun> runs) =>
        new([.. runs.SelectMany(r => r.Latencies).Order()], runs.Sum(r => r.Seconds), runs.Sum(r => r.Errors));
}
