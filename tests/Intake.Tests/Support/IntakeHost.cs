using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintsPlatform.Intake.Tests.Support;

/// <summary>
/// Intake on the test server over a database of its own, following a synthetic CaseWorkflow feed,
/// sending email to a real in-process SMTP server. One per test class (tests keep to their own rows).
/// </summary>
public sealed class IntakeHost : ServiceFactory<Program>
{
    private readonly SyntheticCaseWorkflowFeed _feed;

    private IntakeHost(TestDatabase database, TestRedis redis, SyntheticCaseWorkflowFeed feed, TestSmtp smtp,
        SyntheticCaseWorkflowFeed compliments, SyntheticCaseWorkflowFeed ombudsman) : base(database, redis)
    {
        _feed = feed;
        Smtp = smtp;
        Compliments = compliments;
        Ombudsman = ombudsman;
        Settings["Feeds:caseworkflow:Address"] = feed.Server.BaseAddress.ToString();
        Settings["Feeds:compliments:Address"] = compliments.Server.BaseAddress.ToString();
        Settings["Feeds:ombudsman:Address"] = ombudsman.Server.BaseAddress.ToString();
        Settings["Services:CaseWorkflow"] = feed.Server.BaseAddress.ToString();
        Settings["Notifications:LinkOfficerEmails:0"] = "link.officer.one@council.example";
        Settings["Notifications:LinkOfficerEmails:1"] = "link.officer.two@council.example";
        Settings["Smtp:Host"] = "127.0.0.1";
        Settings["Smtp:Port"] = smtp.Port.ToString();
        Settings["Correspondence:PollInterval"] = "00:00:00.200";
        Settings["Correspondence:RetryDelay"] = "00:00:00.100";
        Settings["Feed:PollInterval"] = "00:00:00.050";
    }

    public TestSmtp Smtp { get; }

    public SyntheticCaseWorkflowFeed Feed => _feed;

    public SyntheticCaseWorkflowFeed Compliments { get; }

    public SyntheticCaseWorkflowFeed Ombudsman { get; }

    public string ConnectionString => Database.ConnectionStrings["intake-db"];

    public static async Task<IntakeHost> StartAsync(TestRedis? redis = null, IDictionary<string, string?>? settings = null)
    {
        var infra = await Infrastructure.GetAsync();
        var host = new IntakeHost(await infra.Postgres.CreateDatabaseAsync(), redis ?? infra.Redis,
            await SyntheticCaseWorkflowFeed.StartAsync(), new TestSmtp(),
            await SyntheticCaseWorkflowFeed.StartAsync(withConfiguration: false), await SyntheticCaseWorkflowFeed.StartAsync(withConfiguration: false));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            host.Settings[key] = value;
        }
        _ = host.Server;
        await Eventually.TrueAsync(async () => await host.ScalarAsync<long>("SELECT count(*) FROM intake.acknowledge_limits") == 3
            && await host.ScalarAsync<long>("SELECT count(*) FROM intake.configuration_state") == 1,
            "Intake has applied CaseWorkflow's policies and configuration");
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient("feed:caseworkflow:intake").ConfigurePrimaryHttpMessageHandler(() => _feed.Server.CreateHandler());
            services.AddHttpClient("feed:compliments:intake").ConfigurePrimaryHttpMessageHandler(() => Compliments.Server.CreateHandler());
            services.AddHttpClient("feed:ombudsman:intake").ConfigurePrimaryHttpMessageHandler(() => Ombudsman.Server.CreateHandler());
            services.AddHttpClient(nameof(CaseWorkflow.V1.CaseInternal.CaseInternalClient)).ConfigurePrimaryHttpMessageHandler(() => _feed.Server.CreateHandler());
            services.AddHttpClient(nameof(CaseWorkflow.V1.CouncilDirectory.CouncilDirectoryClient)).ConfigurePrimaryHttpMessageHandler(() => _feed.Server.CreateHandler());
            services.AddHttpClient(nameof(CaseWorkflow.V1.PersonRequests.PersonRequestsClient)).ConfigurePrimaryHttpMessageHandler(() => _feed.Server.CreateHandler());
        });
    }

    public V1.Intake.IntakeClient Client(string? token = null) => new(CreateChannel(token));

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<List<string>> OutboxEventTypesAsync() =>
        await ListAsync<string>("SELECT event_type FROM intake.outbox_events ORDER BY id");

    public async Task<List<T>> ListAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetFieldValue<T>(0));
        }
        return list;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _feed.DisposeAsync();
        await Compliments.DisposeAsync();
        await Ombudsman.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>One host for all the tests of a class.</summary>
public sealed class IntakeFixture : Xunit.IAsyncLifetime
{
    public IntakeHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await IntakeHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
