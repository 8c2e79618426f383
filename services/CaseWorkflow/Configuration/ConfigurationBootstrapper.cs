using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.Events;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>
/// At start-up (after the migrations): seeds the shipped default policies, records the council's
/// configuration file when it carries a newer version, announces a calendar change when the
/// bank-holiday data moved, then keeps every replica's copy fresh. A bad file is refused with its
/// line and field, and the last good configuration stays in force.
/// </summary>
internal sealed class ConfigurationBootstrapper(
    IServiceProvider services,
    CouncilState state,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<ConfigurationBootstrapper> logger) : BackgroundService
{
    private static readonly TimeSpan s_refreshInterval = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseWorkflowDbContext>();
            var events = scope.ServiceProvider.GetRequiredService<ConfigurationEvents>();
            var deadlines = scope.ServiceProvider.GetRequiredService<DeadlineRecalculator>();
            try
            {
                await SeedPoliciesAsync(db, events, cancellationToken);
                await LoadFileAsync(db, events, deadlines, cancellationToken);
                await AnnounceCalendarDataChangeAsync(db, events, deadlines, cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another replica starting at the same moment recorded the same version first.
                logger.LogInformation("Configuration already recorded by another replica.");
                db.ChangeTracker.Clear();
            }
            await state.RefreshAsync(db, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_refreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await state.RefreshAsync(scope.ServiceProvider.GetRequiredService<CaseWorkflowDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Configuration refresh failed: {ExceptionType}", ex.GetType().Name);
            }
        }
    }

    private static async Task SeedPoliciesAsync(CaseWorkflowDbContext db, ConfigurationEvents events, CancellationToken ct)
    {
        var seeded = await db.PolicyVersions.Select(p => p.Stream).Distinct().ToListAsync(ct);
        foreach (var policy in DefaultPolicies.All.Where(p => !seeded.Contains((int)p.Stream)))
        {
            policy.RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
            policy.RecordedBy = "system";
            policy.ChangeReason = "Shipped default";
            db.PolicyVersions.Add(new PolicyRecord
            {
                Stream = (int)policy.Stream,
                Version = policy.Version,
                Document = ProtoJson.Write(policy),
                RecordedAt = policy.RecordedAt.ToDateTimeOffset(),
                RecordedBy = policy.RecordedBy,
                ChangeReason = policy.ChangeReason,
            });
            events.PolicyRecorded(db, policy);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task LoadFileAsync(CaseWorkflowDbContext db, ConfigurationEvents events, DeadlineRecalculator deadlines, CancellationToken ct)
    {
        var path = configuration["Council:ConfigurationFile"] ?? Path.Combine("Configuration", "council.sample.json");
        var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        if (!File.Exists(fullPath))
        {
            logger.LogWarning("No council configuration file at {Path}; the stored configuration stays in force.", path);
            return;
        }
        V1.CouncilConfiguration loaded;
        try
        {
            loaded = ConfigurationFile.Parse(await File.ReadAllBytesAsync(fullPath, ct), Path.GetFileName(fullPath));
        }
        catch (ConfigurationFileException ex)
        {
            foreach (var problem in ex.Problems)
            {
                logger.LogError("Council configuration {File} refused at {Problem}", Path.GetFileName(fullPath), problem.ToString());
            }
            return;
        }
        var stored = await db.ConfigurationVersions.MaxAsync(c => (int?)c.Version, ct) ?? 0;
        if (loaded.Version <= stored)
        {
            return;
        }
        await ConfigurationRecorder.RecordAsync(db, events, deadlines, state.BankHolidays, loaded, "system",
            $"Loaded from {loaded.Source}", ct);
    }

    // New bank-holiday data (a refreshed file shipped with a release) moves deadlines even when the council changed nothing.
    private async Task AnnounceCalendarDataChangeAsync(CaseWorkflowDbContext db, ConfigurationEvents events, DeadlineRecalculator deadlines, CancellationToken ct)
    {
        var latest = await db.ConfigurationVersions.OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return;
        }
        var configurationNow = ProtoJson.Read<V1.CouncilConfiguration>(latest.Document);
        var version = CouncilCalendars.VersionOf(state.BankHolidays, configurationNow.Council);
        if (version == latest.CalendarVersion)
        {
            return;
        }
        latest.CalendarVersion = version;
        events.CalendarChanged(db, configurationNow, version, "New bank-holiday data");
        await deadlines.RecomputeAsync(db, new CouncilCalendars(state.BankHolidays, configurationNow.Council), "new bank-holiday data", ct);
        await db.SaveChangesAsync(ct);
    }
}
