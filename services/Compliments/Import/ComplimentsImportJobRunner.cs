using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Grpc;
using ComplaintsPlatform.Import;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Import;

/// <summary>
/// Works import jobs in the background, oldest first. A job is claimed with a lease renewed after each
/// batch, so a job left running by a stopped replica is taken up again once its lease runs out and
/// carries on after its last saved batch. Dry runs' files are dropped a day after they finish.
/// </summary>
public sealed class ComplimentsImportJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ComplimentsImportJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await WorkNextAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be starting or away: try again shortly (ids only in the log).
                logger.LogWarning(e, "An import job could not be worked; retrying");
            }
            if (!worked)
            {
                await Task.Delay(Idle, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims and works one job; false when there was none.</summary>
    public async Task<bool> WorkNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplimentsDbContext>();
        var now = clock.GetUtcNow();
        var expired = now - ImportJobs.DryRunFileKept;
        await db.ImportJobs.Where(j => j.DryRun && j.Content != null && j.FinishedAt < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Content, (byte[]?)null), ct);

        var candidate = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Kind == ComplimentsImportService.JobKind
                && (j.Status == ImportJobStatus.Queued || (j.Status == ImportJobStatus.Running && j.LeaseUntil < now)))
            .OrderBy(j => j.QueuedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        if (candidate is not { } id)
        {
            return false;
        }
        var lease = now + ImportJobs.Lease;
        // Claimed only if no other replica claimed it in between.
        var claimed = await db.ImportJobs
            .Where(j => j.Id == id && (j.Status == ImportJobStatus.Queued || (j.Status == ImportJobStatus.Running && j.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.LeaseUntil, lease), ct);
        if (claimed == 0)
        {
            return true;
        }
        var job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        logger.LogInformation("Working import job {JobId} after line {Line}", job.Id, job.ResumeAfterLine);
        var service = ActivatorUtilities.CreateInstance<ComplimentsImportService>(scope.ServiceProvider);
        await service.RunJobAsync(job, ct);
        return true;
    }
}
