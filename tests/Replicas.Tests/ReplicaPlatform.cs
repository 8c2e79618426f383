using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintsPlatform.Replicas.Tests;

/// <summary>
/// The real AppHost with <c>ComplaintsPlatform:Replicas</c> = 2: two processes of every service, the
/// gateway, the identity provider and the web, behind the orchestrator's proxies. Local processes,
/// its own data folder, free ports, no dashboard. Ready once every replica reports healthy and the
/// gateway sees every service.
/// </summary>
public sealed class ReplicaPlatform : IAsyncLifetime
{
    public const int Replicas = 2;

    /// <summary>The subject of every token the test uses.</summary>
    public const string Subject = "replica-tester";

    public static readonly string[] Services = ["intake", "case-workflow", "ombudsman-liaison", "compliments", "reporting", "identity"];

    /// <summary>Every project resource, with the assembly its process runs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["intake"] = "ComplaintsPlatform.Intake",
        ["case-workflow"] = "ComplaintsPlatform.CaseWorkflow",
        ["ombudsman-liaison"] = "ComplaintsPlatform.OmbudsmanLiaison",
        ["compliments"] = "ComplaintsPlatform.Compliments",
        ["reporting"] = "ComplaintsPlatform.Reporting",
        ["identity"] = "ComplaintsPlatform.Identity",
        ["gateway"] = "ComplaintsPlatform.Gateway",
        ["web"] = "ComplaintsPlatform.Web",
    };

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(
        int.TryParse(Environment.GetEnvironmentVariable("E2E_START_TIMEOUT_MINUTES"), out var minutes) && minutes > 0 ? minutes : 10);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"cp-replicas-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _tokens = [];

    public DistributedApplication App { get; private set; } = null!;

    public Uri GatewayGrpc => App.GetEndpoint("gateway", "grpc");

    public Uri GatewayHttp => App.GetEndpoint("gateway", "http");

    public Uri MailHttp => App.GetEndpoint("mail", "http");

    public GrpcChannel GatewayChannel() => GrpcChannel.ForAddress(GatewayGrpc);

    /// <summary>A real token from the platform's provider through its Development-only dev-token client.</summary>
    public string Token(string role)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(role, out var token))
            {
                using var http = new HttpClient();
                var secret = File.ReadAllText(Path.Combine(_dataDir, "secrets", "dev-token-client-secret")).Trim();
                token = DevTokens.ForRoleAsync(http, $"{GatewayHttp}identity/", secret, role, Subject).GetAwaiter().GetResult();
                _tokens[role] = token;
            }
            return token;
        }
    }

    public Task<string?> ConnectionStringAsync(string name) => App.GetConnectionStringAsync(name).AsTask();

    /// <summary>
    /// The processes of one project of this platform (not another platform's on the same machine):
    /// its assembly on the command line and this platform's issuer in its environment.
    /// </summary>
    public IReadOnlyList<int> ProcessesOf(string project)
    {
        var assembly = Projects[project];
        var issuer = $":{GatewayHttp.Port}/identity/";
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            try
            {
                var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (!arguments.Any(a => a.EndsWith($"/{assembly}", StringComparison.Ordinal) || a.EndsWith($"/{assembly}.dll", StringComparison.Ordinal)))
                {
                    continue;
                }
                if (File.ReadAllText(Path.Combine(folder, "environ")).Contains(issuer, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while it was being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }
        return found;
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--environment=Development",
                "--ComplaintsPlatform:InfrastructureMode=local",
                $"--ComplaintsPlatform:DataDir={_dataDir}",
                $"--ComplaintsPlatform:Replicas={Replicas}",
                // The test's officer reads back hundreds of cases at once: not a client the gateway should slow.
                $"--ComplaintsPlatform:RateLimitExempt=sub:{Subject}",
                "--ComplaintsPlatform:PostgresPort=0",
                "--ComplaintsPlatform:RedisPort=0",
                "--ComplaintsPlatform:GatewayHttpPort=0",
                "--ComplaintsPlatform:GatewayGrpcPort=0",
                "--ComplaintsPlatform:MailSmtpPort=0",
                "--ComplaintsPlatform:MailHttpPort=0",
            ],
            (options, _) =>
            {
                options.DisableDashboard = true;
                options.AllowUnsecuredTransport = true;
            },
            timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await EveryReplicaHealthyAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("mail", timeout.Token);
        using var channel = GatewayChannel();
        var health = new Health.HealthClient(channel);
        foreach (var service in Services)
        {
            while ((await health.CheckAsync(new HealthCheckRequest { Service = service }, cancellationToken: timeout.Token)).Status
                   != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
    }

    /// <summary>Each replica is an instance of its project resource with its own id and health.</summary>
    private async Task EveryReplicaHealthyAsync(CancellationToken ct)
    {
        var healthy = Projects.Keys.ToDictionary(p => p, _ => new HashSet<string>());
        await foreach (var update in App.ResourceNotifications.WatchAsync(ct))
        {
            if (!healthy.TryGetValue(update.Resource.Name, out var instances))
            {
                continue;
            }
            if (update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                instances.Add(update.ResourceId);
            }
            else
            {
                instances.Remove(update.ResourceId);
            }
            if (healthy.Values.All(i => i.Count >= Replicas))
            {
                return;
            }
        }
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await ComplaintsPlatform.LocalInfrastructure.PlatformDataFolder.DeleteAsync(_dataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaPlatform>
{
    public const string Name = "replicas";
}
