using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Import;

/// <summary>
/// Works a service's import jobs in the background, oldest first. A job is claimed with a lease renewed
/// after each batch, so a job left running by a stopped replica is taken up again once its lease runs
/// out and carries on after its last saved line. Dry runs' files are dropped a day after they finish.
/// </summary>
public sealed class ImportJobRunner<TDb>(IServiceScopeFactory scopes, ImportJobKinds kinds, TimeProvider clock, ILogger<ImportJobRunner<TDb>> logger)
    : BackgroundService where TDb : DbContext
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
        var jobs = scope.ServiceProvider.GetRequiredService<TDb>().Set<ImportJobRecord>();
        var now = clock.GetUtcNow();
        var expired = now - ImportJobs.DryRunFileKept;
        await jobs.Where(j => j.DryRun && j.Content != null && j.FinishedAt < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Content, (byte[]?)null), ct);

        var names = kinds.Names.ToList();
        var candidate = await jobs.AsNoTracking()
            .Where(j => names.Contains(j.Kind)
                && (j.Status == ImportJobStatus.Queued || (j.Status == ImportJobStatus.Running && j.LeaseUntil < now)))
            .OrderBy(j => j.QueuedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        if (candidate is not { } id)
        {
            return false;
        }
        var lease = now + ImportJobs.Lease;
        // Claimed only if no other replica claimed it in between.
        var claimed = await jobs
            .Where(j => j.Id == id && (j.Status == ImportJobStatus.Queued || (j.Status == ImportJobStatus.Running && j.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.LeaseUntil, lease), ct);
        if (claimed == 0)
        {
            return true;
        }
        var job = await jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        logger.LogInformation("Working import job {JobId} ({Kind}) after line {Line}", job.Id, job.Kind, job.ResumeAfterLine);
        await RunAsync(scope.ServiceProvider, jobs, job, ct);
        return true;
    }

    private async Task RunAsync(IServiceProvider services, DbSet<ImportJobRecord> jobs, ImportJobRecord job, CancellationToken ct)
    {
        var partial = job.Report is null ? null : JsonParser.Default.Parse<ImportReport>(job.Report);
        var progress = new JobProgress(job.ResumeAfterLine, partial, async (line, report, token) =>
        {
            var json = ImportJobs.Format(report);
            var done = report.RowsRead;
            var lease = clock.GetUtcNow() + ImportJobs.Lease;
            await jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.ResumeAfterLine, line).SetProperty(j => j.RowsDone, done)
                .SetProperty(j => j.Report, json).SetProperty(j => j.LeaseUntil, lease), token);
        });
        try
        {
            var report = await kinds[job.Kind].Work(services, ImportJobs.Chunks(job), job.StartedBy, progress, ct);
            var json = ImportJobs.Format(report);
            var now = clock.GetUtcNow();
            // A dry run keeps its file for the real import; a real import's file goes once it is done.
            var keep = job.DryRun;
            await jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Done).SetProperty(j => j.Report, json).SetProperty(j => j.RowsDone, report.RowsRead)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.Content, j => keep ? j.Content : null), ct);
        }
        catch (DomainException e)
        {
            // The file itself is refused (e.g. its header lacks a column): the job fails with the reason, for the caller to correct.
            var failure = e is ValidationException v ? string.Join("; ", v.Violations.Select(x => x.Field == CsvReader.DataField ? x.Description : $"{x.Field}: {x.Description}")) : e.Message;
            var now = clock.GetUtcNow();
            await jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Failed).SetProperty(j => j.Failure, failure.Length > 2000 ? failure[..2000] : failure)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Content, (byte[]?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        }
    }
}
