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

    private LiveConsumers(IHost host, FakeFeed intake, FakeFeed caseWorkflow) => (_host, Intake, CaseWorkflow) = (host, intake, caseWorkflow);

    public FakeFeed Intake { get; }

    public FakeFeed CaseWorkflow { get; }

    /// <summary>Starts from position 0 of two new feeds (the checkpoints are reset; the counters are kept).</summary>
    public static async Task<LiveConsumers> StartAsync(DbContextOptions<ReportingDbContext> options, string connection, int batchSize)
    {
        await using (var db = new ReportingDbContext(options))
        {
            foreach (var source in new[] { "intake", "caseworkflow" })
            {
                await FeedReplay.ResetAsync(db, "reporting", source, null, CancellationToken.None);
            }
        }
        var intake = await FakeFeed.StartAsync();
        var caseWorkflow = await FakeFeed.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ComplaintsPlatform.Reporting", EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestIdentity.Settings)
        {
            ["ConnectionStrings:reporting-db"] = connection,
            ["Feeds:intake:Address"] = "http://localhost",
            ["Feeds:caseworkflow:Address"] = "http://localhost",
        });
        builder.AddServiceDatabase<ReportingDbContext>("reporting-db", "reporting", o => ReportingDbContext.WithGenerations(o));
        builder.AddPlatformIdentity();
        builder.Services.AddSingleton(new CouncilClocks(BankHolidayData.Shipped));
        builder.Services.AddSingleton<CouncilDates>();
        builder.AddFeedConsumer<ReportingDbContext, IntakeHandler>("intake", "reporting", s => s.BatchSize = batchSize)
            .ConfigurePrimaryHttpMessageHandler(() => intake.Server.CreateHandler());
        builder.AddFeedConsumer<ReportingDbContext, CaseWorkflowHandler>("caseworkflow", "reporting", s => s.BatchSize = batchSize)
            .ConfigurePrimaryHttpMessageHandler(() => caseWorkflow.Server.CreateHandler());
        var host = builder.Build();
        await host.StartAsync();
        return new LiveConsumers(host, intake, caseWorkflow);
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
    }
}
