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
var closures = ArgInt("--closures", 30);
// Complaints sent at the same rate before measuring, unmeasured: the services' first calls run
// unoptimised code and fill their pools; the target is the lag at steady load.
var warmup = ArgInt("--warmup", 20);
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

using var channel = GrpcChannel.ForAddress(app.GetEndpoint("gateway", "grpc"));
// What a user sees: the gateway sends to a backend once its own probe (every second, 3 s timeout) has found it healthy.
var health = new Grpc.Health.V1.Health.HealthClient(channel);
foreach (var cluster in new[] { "identity", "intake", "case-workflow", "ombudsman-liaison", "compliments", "reporting" })
{
    while ((await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest { Service = cluster })).Status != Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving)
    {
        await Task.Delay(50);
    }
}
Console.WriteLine($"| the gateway sends to every backend | {clock.Elapsed.TotalSeconds:F1} |");


string token;
using (var http = new HttpClient())
{
    token = await DevTokens.ForRoleAsync(http, $"{app.GetEndpoint("gateway", "http")}identity/",
        File.ReadAllText(Path.Combine(dataDir, "secrets", "dev-token-client-secret")).Trim(), Roles.ComplaintsTeam, "bench");
}
var intake = new IntakeV1.Intake.IntakeClient(channel);
var cases = new Cases.CasesClient(channel);
var team = new Metadata { { "Authorization", $"Bearer {token}" } };

// Warm-up: Intake learns CaseWorkflow's service areas from its feed shortly after start.
await MeasureOneAsync(waitForConfiguration: true);
var pacing = TimeSpan.FromSeconds(1.0 / perSecond);
await SteadyAsync(warmup);
var samples = await SteadyAsync(complaints);
PrintLag($"{complaints} complaints at {perSecond}/s after {warmup} unmeasured: triage answered → the case found in CaseWorkflow",
    samples.Select(s => s.LagMs));
await LagBreakdown.PrintAsync(app, samples);

// The other direction: a case closed in CaseWorkflow → Reporting's findings report counts it. One at a
// time, so the report's total moves by exactly the case measured.
var reporting = new ComplaintsPlatform.Reporting.V1.Reporting.ReportingClient(channel);
var closed = new List<double>();
foreach (var sample in samples.Take(closures))
{
    closed.Add(await CloseAndCountAsync(sample));
    await Task.Delay(200);
}
PrintLag($"{closed.Count} cases closed one at a time: RecordResponse answered → Reporting's findings report counts it", closed);

// After the load: what the platform's processes hold.
await Task.Delay(TimeSpan.FromSeconds(5));
var processes = Footprint.Read(root);
Console.WriteLine();
Console.WriteLine("| process | resident (RSS) MiB | proportional (PSS) MiB | anonymous MiB |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var p in processes.Where(p => p.Platform).OrderBy(p => p.Name))
{
    Console.WriteLine($"| {p.Name} | {Mib(p.RssBytes):F0} | {Mib(p.PssBytes):F0} | {Mib(p.AnonymousBytes):F0} |");
}
var platform = processes.Where(p => p.Platform).ToList();
var rssTotal = Mib(platform.Sum(p => p.RssBytes));
var pssTotal = Mib(platform.Sum(p => p.PssBytes));
Console.WriteLine($"| **platform, {platform.Count} processes** (anchor: 1,536 MiB) | **{rssTotal:F0}** ({rssTotal / 1536:P0}) | **{pssTotal:F0}** ({pssTotal / 1536:P0}) | {Mib(platform.Sum(p => p.AnonymousBytes)):F0} |");
foreach (var group in processes.Where(p => !p.Platform).GroupBy(p => p.Name))
{
    Console.WriteLine($"| {group.Key} ({group.Count()}, apart) | {Mib(group.Sum(p => p.RssBytes)):F0} | {Mib(group.Sum(p => p.PssBytes)):F0} | {Mib(group.Sum(p => p.AnonymousBytes)):F0} |");
}
Console.WriteLine($"| this benchmark (the AppHost in-process, apart) | {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} |");

await app.StopAsync();
BenchPlatform.DeleteDataFolder(dataDir);

async Task<List<Sample>> SteadyAsync(int count)
{
    var tasks = new List<Task<Sample>>();
    var started = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var due = pacing * i;
        if (started.Elapsed < due)
        {
            await Task.Delay(due - started.Elapsed);
        }
        tasks.Add(MeasureOneAsync(waitForConfiguration: false));
    }
    return [.. await Task.WhenAll(tasks)];
}

async Task<Sample> MeasureOneAsync(bool waitForConfiguration)
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
            // The gateway probes each backend every second: one probed before it started is sent to only after its next probe.
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
    var triagedAt = DateTime.UtcNow;
    while (true)
    {
        try
        {
            await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = submitted.Reference }, team);
            return new Sample(submitted.ContactId, submitted.Reference, triagedAt, DateTime.UtcNow, triaged.Elapsed.TotalMilliseconds);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            await Task.Delay(5);
        }
    }
}

async Task<double> CloseAndCountAsync(Sample sample)
{
    var c = await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = sample.Reference }, team);
    await cases.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Bins not collected", OutcomeSought = "Collect them" }, team);
    var defined = await cases.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = "Missed collection" }, team);
    await cases.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "officer-lib-01" }, team);
    var before = await FindingsCountedAsync();
    await cases.RecordResponseAsync(new RecordResponseRequest
    {
        CaseId = c.Id,
        Findings = { new IssueFinding { IssueId = defined.Issues.Single().Id, Finding = Finding.Upheld } },
        Overall = Finding.Upheld,
        Text = "We collected the bins and apologise.",
        NotifyPerson = false,
    }, team);
    var responded = Stopwatch.StartNew();
    while (await FindingsCountedAsync() <= before)
    {
        await Task.Delay(5);
    }
    return responded.Elapsed.TotalMilliseconds;
}

// The count columns of the total row: every finding this financial year counts there.
async Task<double> FindingsCountedAsync()
{
    var today = DateTime.UtcNow;
    var table = await reporting.GetReportAsync(new ComplaintsPlatform.Reporting.V1.ReportRequest
    {
        Report = ComplaintsPlatform.Reporting.V1.ReportKind.Findings,
        Basis = ComplaintsPlatform.Reporting.V1.Basis.Resolved,
        Period = new ComplaintsPlatform.Reporting.V1.Period
        {
            Kind = ComplaintsPlatform.Reporting.V1.PeriodKind.FinancialYear,
            Year = today.Month >= 4 ? today.Year : today.Year - 1,
        },
    }, team);
    return table.Total?.Cells
        .Where((cell, i) => i < table.Columns.Count && table.Columns[i].Unit == ComplaintsPlatform.Reporting.V1.Unit.Count && !cell.Suppressed && !cell.Empty)
        .Sum(cell => cell.Value) ?? 0;
}

// One lag table: its percentiles beside the 200 ms anchor at p99.
static void PrintLag(string what, IEnumerable<double> lagsMs)
{
    var sorted = lagsMs.Order().ToArray();
    Console.WriteLine();
    Console.WriteLine($"Event lag through the gateway, {what}");
    Console.WriteLine();
    Console.WriteLine("| p50 ms | p95 ms | p99 ms | max ms | p99 / anchor (200 ms) |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
    Console.WriteLine($"| {P(sorted, 0.50):F0} | {P(sorted, 0.95):F0} | {P(sorted, 0.99):F0} | {sorted[^1]:F0} | {P(sorted, 0.99) / 200:F2}× |");
}

static double Mib(long bytes) => bytes / 1048576.0;

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
