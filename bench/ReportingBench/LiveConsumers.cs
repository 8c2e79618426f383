using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Events;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>
/// Reporting's real Intake and CaseWorkflow consumers (inbox, checkpoint, batching as configured)
/// in a generic host, following two in-memory feeds the bench publishes into.
/// </summary>
internal sealed class LiveConsumers : IAsyncDisposable
{
    private readonly IHost _host;

    private LiveConsumers(IHost host, FakeFeed intake, FakeFeed caseWorkflow, FakeFeed ombudsman, FakeFeed compliments) =>
        (_host, Intake, CaseWorkflow, Ombudsman, Compliments) = (host, intake, caseWorkflow, ombudsman, compliments);

    public FakeFeed Intake { get; }

    public FakeFeed CaseWorkflow { get; }

    public FakeFeed Ombudsman { get; }

    public FakeFeed Compliments { get; }

    /// <summary>The rebuild service of the host (its own loop idle: the bench runs it).</summary>
    public RebuildService Rebuild => _host.Services.GetServices<IHostedService>().OfType<RebuildService>().Single();

    /// <summary>Starts from position 0 of two new feeds (the checkpoints are reset; the counters are kept).</summary>
    public static async Task<LiveConsumers> StartAsync(DbContextOptions<ReportingDbContext> options, string connection, int batchSize, int rebuildBatchSize = 5_000)
    {
        await using (var db = new ReportingDbContext(options))
        {
            foreach (var source in new[] { "intake", "caseworkflow", "ombudsman", "compliments" })
            {
                await FeedReplay.ResetAsync(db, "reporting", source, null, CancellationToken.None);
            }
        }
        var intake = await FakeFeed.StartAsync();
        var caseWorkflow = await FakeFeed.StartAsync();
        var ombudsman = await FakeFeed.StartAsync();
        var compliments = await FakeFeed.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ComplaintsPlatform.Reporting", EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestIdentity.Settings)
        {
            ["ConnectionStrings:reporting-db"] = connection,
            ["Feeds:intake:Address"] = "http://localhost",
            ["Feeds:caseworkflow:Address"] = "http://localhost",
            ["Feeds:ombudsman:Address"] = "http://localhost",
            ["Feeds:compliments:Address"] = "http://localhost",
        });
        builder.AddServiceDatabase<ReportingDbContext>("reporting-db", "reporting", o => ReportingDbContext.WithGenerations(o));
        builder.AddPlatformIdentity();
        // The feeds accept the platform's test service token; no identity provider runs here.
        builder.Services.AddSingleton<IServiceTokenSource, TestServiceTokens>();
        builder.Services.AddSingleton(new CouncilClocks(BankHolidayData.Shipped));
        builder.Services.AddSingleton<CouncilDates>();
        builder.AddFeedConsumer<ReportingDbContext, IntakeHandler>("intake", "reporting", s => s.BatchSize = batchSize)
            .ConfigurePrimaryHttpMessageHandler(() => intake.Server.CreateHandler());
        builder.AddFeedConsumer<ReportingDbContext, CaseWorkflowHandler>("caseworkflow", "reporting", s => s.BatchSize = batchSize)
            .ConfigurePrimaryHttpMessageHandler(() => caseWorkflow.Server.CreateHandler());
        builder.AddFeedConsumer<ReportingDbContext, OmbudsmanHandler>("ombudsman", "reporting", s => s.BatchSize = batchSize)
            .ConfigurePrimaryHttpMessageHandler(() => ombudsman.Server.CreateHandler());
        builder.AddFeedConsumer<ReportingDbContext, ComplimentsHandler>("compliments", "reporting", s => s.BatchSize = batchSize)
            .ConfigurePrimaryHttpMessageHandler(() => compliments.Server.CreateHandler());
        builder.Services.Configure<RebuildOptions>(o => (o.Poll, o.BatchSize) = (TimeSpan.FromHours(1), rebuildBatchSize));
        builder.Services.AddHostedService<RebuildService>();
        var host = builder.Build();
        await host.StartAsync();
        return new LiveConsumers(host, intake, caseWorkflow, ombudsman, compliments);
    }

    /// <summary>Waits until both checkpoints reach their feed's head.</summary>
    public async Task CaughtUpAsync(DbContextOptions<ReportingDbContext> options)
    {
        while (true)
        {
            await using var db = new ReportingDbContext(options);
            var checkpoints = await db.Set<FeedCheckpoint>().AsNoTracking().Where(c => c.Consumer == "reporting")
                .ToDictionaryAsync(c => c.Source, c => c.Position);
            if (checkpoints.GetValueOrDefault("intake") >= Intake.Head && checkpoints.GetValueOrDefault("caseworkflow") >= CaseWorkflow.Head)
            {
                return;
            }
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Intake.DisposeAsync();
        await CaseWorkflow.DisposeAsync();
        await Ombudsman.DisposeAsync();
        await Compliments.DisposeAsync();
    }
}
