using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Net.Client;
using Microsoft.Playwright;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The real AppHost, once for the whole project: local processes forced, its own data folder,
/// free ports for everything, no dashboard.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["intake", "case-workflow", "ombudsman-liaison", "compliments", "reporting", "identity"];

    // Six minutes, or E2E_START_TIMEOUT_MINUTES on a machine too busy to start the platform in that.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(
        int.TryParse(Environment.GetEnvironmentVariable("E2E_START_TIMEOUT_MINUTES"), out var minutes) && minutes > 0 ? minutes : 6);

    // Under /tmp, not a home folder: the postgres user must reach the cluster.
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"cp-e2e-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public Uri GatewayGrpc => App.GetEndpoint("gateway", "grpc");

    public Uri GatewayHttp => App.GetEndpoint("gateway", "http");

    public GrpcChannel GatewayChannel() => GrpcChannel.ForAddress(GatewayGrpc);

    public string DataDir => _dataDir;

    /// <summary>The provider's issuer, on the gateway's public address.</summary>
    public string Authority => $"{GatewayHttp}identity/";

    /// <summary>A secret the AppHost generated in its data folder (client secrets, the first administrator's password).</summary>
    public string Secret(string name) => File.ReadAllText(Path.Combine(_dataDir, "secrets", name)).Trim();

    /// <summary>A real token from the platform's provider, for any role through its Development-only dev-token client.</summary>
    public string Token(string role, string subject = "e2e-officer")
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue((role, subject), out var token))
            {
                using var http = new HttpClient();
                token = DevTokens.ForRoleAsync(http, Authority, Secret("dev-token-client-secret"), role, subject).GetAwaiter().GetResult();
                _tokens[(role, subject)] = token;
            }
            return token;
        }
    }

    private readonly Dictionary<(string Role, string Subject), string> _tokens = [];

    /// <summary>Staff accounts, made through the first administrator (signed in once for the whole collection).</summary>
    public StaffAccounts Staff => _staff ??= new StaffAccounts(this);

    private StaffAccounts? _staff;

    /// <summary>The local inbox (smtp4dev): its web page and its HTTP API, <c>/api/messages</c>.</summary>
    public Uri MailHttp => App.GetEndpoint("mail", "http");

    /// <summary>One real Chromium for every browser test of the project (see <see cref="BrowserLauncher"/>).</summary>
    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--environment=Development",
                "--ComplaintsPlatform:InfrastructureMode=local",
                $"--ComplaintsPlatform:DataDir={_dataDir}",
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
        foreach (var name in Services.Append("gateway").Append("web").Append("mail"))
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }
        await WaitForGatewayProbesAsync(timeout.Token);
        _playwright = await Playwright.CreateAsync();
        // Pages answer in well under a second when the machine is idle; a shared build machine can be far slower.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await BrowserLauncher.LaunchAsync(_playwright);
    }

    /// <summary>
    /// A service healthy to Aspire may not yet have answered the gateway's own probe (every 3 s), and
    /// until it has the gateway answers its calls UNAVAILABLE: wait until the gateway reports every
    /// service SERVING, as a client would see it.
    /// </summary>
    private async Task WaitForGatewayProbesAsync(CancellationToken ct)
    {
        using var channel = GatewayChannel();
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        foreach (var service in Services)
        {
            while ((await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest { Service = service }, cancellationToken: ct)).Status
                   != Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await ComplaintsPlatform.LocalInfrastructure.PlatformDataFolder.DeleteAsync(_dataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
