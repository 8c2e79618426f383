using ComplaintsPlatform.Bench;
using ComplaintsPlatform.Bench.Platform;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Grpc.Net.Client;
using IntakeV1 = ComplaintsPlatform.Intake.V1;

// Starts the real platform as the run command does (local processes, this build's configuration:
// run it with -c Release) and prints:
//  1. how long after start each resource took to be healthy, against the 30 s target;
//  2. the resident memory of the platform's processes against 1.5 GiB, Aspire's own listed apart;
//  3. the event lag end to end through the gateway at a steady rate: triage → the case exists in
//     CaseWorkflow (Intake's outbox → its feed → CaseWorkflow's consumer), against 200 ms at p99.
var complaints = ArgInt("--complaints", 100);
var perSecond = ArgInt("--per-second", 5);
var root = FindRepositoryRoot();
var dataDir = Path.Combine(Path.GetTempPath(), $"cp-bench-{Guid.NewGuid():N}");
var logFile = Path.Combine(Path.GetTempPath(), $"platform-bench-{DateTime.UtcNow:yyyyMMddHHmmss}.log");

await using var app = await BenchPlatform.BuildAsync(dataDir, logFile);

string[] resources = ["postgres", "redis-server", "identity", "intake", "case-workflow", "ombudsman-liaison", "compliments", "reporting", "gateway", "web"];
var clock = Stopwatch.StartNew();
await app.StartAsync();
var healthy = await Task.WhenAll(resources.Select(async name =>
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(name);
    return (Name: name, Seconds: clock.Elapsed.TotalSeconds);
}));

Console.WriteLine($"Platform start, {Environment.ProcessorCount} cores, {Configuration()} build; platform logs: {logFile}");
Console.WriteLine();
Console.WriteLine($"| resource | healthy after s |");
Console.WriteLine($"| --- | ---: |");
foreach (var (name, seconds) in healthy.OrderBy(h => h.Seconds))
{
    Console.WriteLine($"| {name} | {seconds:F1} |");
}
var slowest = healthy.Max(h => h.Seconds);
Console.WriteLine($"| **all healthy** (anchor: 30 s) | **{slowest:F1}** ({slowest / 30:P0} of the anchor) |");

string token;
using (var http = new HttpClient())
{
    token = await DevTokens.ForRoleAsync(http, $"{app.GetEndpoint("gateway", "http")}identity/",
        File.ReadAllText(Path.Combine(dataDir, "secrets", "dev-token-client-secret")).Trim(), Roles.ComplaintsTeam, "bench");
}
using var channel = GrpcChannel.ForAddress(app.GetEndpoint("gateway", "grpc"));
var intake = new IntakeV1.Intake.IntakeClient(channel);
var cases = new Cases.CasesClient(channel);
var team = new Metadata { { "Authorization", $"Bearer {token}" } };

// Warm-up: Intake learns CaseWorkflow's service areas from its feed shortly after start.
await MeasureOneAsync(waitForConfiguration: true);
var lags = new List<double>();
var pacing = TimeSpan.FromSeconds(1.0 / perSecond);
var tasks = new List<Task<double>>();
var started = Stopwatch.StartNew();
for (var i = 0; i < complaints; i++)
{
    var due = pacing * i;
    if (started.Elapsed < due)
    {
        await Task.Delay(due - started.Elapsed);
    }
    tasks.Add(MeasureOneAsync(waitForConfiguration: false));
}
lags.AddRange(await Task.WhenAll(tasks));
var sorted = lags.Order().ToArray();

Console.WriteLine();
Console.WriteLine($"Event lag through the gateway, {complaints} complaints at {perSecond}/s: triage answered → the case found in CaseWorkflow");
Console.WriteLine();
Console.WriteLine("| p50 ms | p95 ms | p99 ms | max ms | p99 / anchor (200 ms) |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| {P(sorted, 0.50):F0} | {P(sorted, 0.95):F0} | {P(sorted, 0.99):F0} | {sorted[^1]:F0} | {P(sorted, 0.99) / 200:F2}× |");

// After the load: what the platform's processes hold.
await Task.Delay(TimeSpan.FromSeconds(5));
var processes = Footprint.Read(root);
Console.WriteLine();
Console.WriteLine("| process | resident MiB |");
Console.WriteLine("| --- | ---: |");
foreach (var p in processes.Where(p => p.Platform).OrderBy(p => p.Name))
{
    Console.WriteLine($"| {p.Name} | {p.RssBytes / 1048576.0:F0} |");
}
var platform = processes.Where(p => p.Platform).Sum(p => p.RssBytes) / 1048576.0;
Console.WriteLine($"| **platform, {processes.Count(p => p.Platform)} processes** (anchor: 1,536 MiB) | **{platform:F0}** ({platform / 1536:P0} of the anchor) |");
foreach (var group in processes.Where(p => !p.Platform).GroupBy(p => p.Name.StartsWith("aspire launcher", StringComparison.Ordinal) ? "Aspire: dotnet run launchers" : p.Name))
{
    Console.WriteLine($"| {group.Key} ({group.Count()}, apart) | {group.Sum(p => p.RssBytes) / 1048576.0:F0} |");
}
Console.WriteLine($"| this benchmark (the AppHost in-process, apart) | {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} |");

await app.StopAsync();
BenchPlatform.DeleteDataFolder(dataDir);

async Task<double> MeasureOneAsync(bool waitForConfiguration)
{
    var request = new IntakeV1.SubmitRequest
    {
        ClientRequestId = Guid.NewGuid().ToString(),
        Kind = IntakeV1.ContactKind.Complaint,
        Channel = IntakeV1.Channel.Phone,
        Name = "Bench Complainant",
        Contact = new IntakeV1.ContactDetails { Address = new IntakeV1.PostalAddress { Lines = { "1 Bench Road" }, Town = "Shiretown", Postcode = "SH1 1AA" } },
        PreferredContactMethod = IntakeV1.ContactMethod.Letter,
        Description = $"The bins were not collected ({Guid.NewGuid():N}).",
        OutcomeSought = "Collect them.",
        ServiceAreaId = "libraries",
    };
    IntakeV1.SubmitReply submitted;
    while (true)
    {
        try
        {
            submitted = await intake.SubmitAsync(request, team);
            break;
        }
        catch (RpcException e) when (waitForConfiguration && e.StatusCode == StatusCode.Unavailable)
        {
            // The gateway probes each backend every 3 s: one probed before it started answers only at the next probe.
            await Task.Delay(250);
        }
    }
    while (true)
    {
        try
        {
            await intake.TriageAsync(new IntakeV1.TriageRequest
            {
                ContactId = submitted.ContactId, Decision = IntakeV1.TriageDecision.Complaint,
                Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries",
            }, team);
            break;
        }
        catch (RpcException e) when (waitForConfiguration && e.StatusCode == StatusCode.InvalidArgument)
        {
            await Task.Delay(250);
        }
    }
    var triaged = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = submitted.Reference }, team);
            return triaged.Elapsed.TotalMilliseconds;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            await Task.Delay(5);
        }
    }
}

static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static string Configuration() =>
#if DEBUG
    "Debug";
#else
    "Release";
#endif

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

int ArgInt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
