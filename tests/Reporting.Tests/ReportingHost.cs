using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Client = ComplaintsPlatform.Reporting.V1.Reporting.ReportingClient;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// Reporting on the test server over a database of its own, following four in-memory feeds
/// (Intake, CaseWorkflow, Ombudsman, Compliments) through its real consumers.
/// </summary>
public sealed class ReportingHost : ServiceFactory<Program>
{
    private ReportingHost(TestDatabase database, TestRedis redis) : base(database, redis)
    {
    }

    public Dictionary<string, FakeFeed> Feeds { get; } = [];

    public FakeFeed Intake => Feeds["intake"];
    public FakeFeed CaseWorkflow => Feeds["caseworkflow"];
    public FakeFeed Ombudsman => Feeds["ombudsman"];
    public FakeFeed Compliments => Feeds["compliments"];

    public static async Task<ReportingHost> StartAsync(TestRedis? redis = null, IDictionary<string, string?>? settings = null)
    {
        var infra = await Infrastructure.GetAsync();
        var host = new ReportingHost(await infra.Postgres.CreateDatabaseAsync(), redis ?? infra.Redis);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            host.Settings[key] = value;
        }
        foreach (var source in new[] { "intake", "caseworkflow", "ombudsman", "compliments" })
        {
            host.Feeds[source] = await FakeFeed.StartAsync();
            host.Settings[$"Feeds:{source}:Address"] = "http://localhost";
        }
        host.CaseWorkflow.Publish(Council.Configuration);
        _ = host.Server;
        await host.CaughtUpAsync();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var (source, feed) in Feeds)
            {
                services.AddHttpClient($"feed:{source}:reporting").ConfigurePrimaryHttpMessageHandler(() => feed.Server.CreateHandler());
            }
        });
    }

    public Client Client(string role, string? directorate = null) =>
        new(CreateChannel(TestIdentity.Token(role, "officer-1", null, directorate)));

    public Client Team => Client("complaints_team");

    public async Task<T> WithDbAsync<T>(Func<ReportingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    /// <summary>Waits until every feed is applied up to its head.</summary>
    public Task CaughtUpAsync() => Eventually.TrueAsync(async () =>
    {
        var checkpoints = await WithDbAsync(db => db.Set<FeedCheckpoint>().AsNoTracking()
            .Where(c => c.Consumer == "reporting").ToDictionaryAsync(c => c.Source, c => c.Position));
        return Feeds.All(f => f.Value.Head == 0 || checkpoints.GetValueOrDefault(f.Key) >= f.Value.Head);
    }, "every feed is applied up to its head", TimeSpan.FromSeconds(120));

    public static ReportRequest Request(ReportKind report, int financialYear = 2025, Basis basis = Basis.Unspecified, Grouping grouping = Grouping.Council) => new()
    {
        Report = report,
        Period = new Period { Kind = PeriodKind.FinancialYear, Year = financialYear },
        Basis = basis,
        Grouping = grouping,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var feed in Feeds.Values)
        {
            await feed.DisposeAsync();
        }
    }
}
