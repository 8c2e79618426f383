using System.Security.Cryptography;
using System.Text;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Retention;

/// <summary>
/// Runs a service's retention job. Each batch of records is removed in its own short transaction with
/// its run items and the <see cref="PersonalDataRemoved"/> event, so a run that stops part-way leaves
/// everything consistent and the next run simply finds what is still due (resumable); records already
/// removed are not found again (idempotent). Runs of one service take turns on an advisory lock.
/// </summary>
public sealed class RetentionRunner<TContext>(IServiceScopeFactory scopes, IOutbox outbox, TimeProvider clock, ILogger<RetentionRunner<TContext>> logger)
    where TContext : DbContext
{
    public const int BatchSize = 200;

    public async Task<RetentionRun> RunAsync(RetentionRunTrigger trigger, DateOnly asOf, string requestedBy, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep<TContext>>();
        var (schedule, version) = await sweep.ScheduleAsync(db, ct);
        var run = new RetentionRunRecord
        {
            Id = Guid.CreateVersion7(), Trigger = (int)trigger, AsOf = asOf, StartedAt = clock.GetUtcNow(),
            RequestedBy = requestedBy, ConfigurationVersion = version,
        };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        var counts = new RunCounts();
        foreach (var kind in sweep.Kinds)
        {
            if (schedule.RuleFor(kind) is not { } rule || schedule.DueOnOrBefore(kind, asOf) is not { } cutoff)
            {
                continue;
            }
            var due = await sweep.DueAsync(db, kind, RetentionTarget.Schedule(cutoff), ct);
            var held = 0;
            foreach (var batch in due.Chunk(BatchSize))
            {
                held += await RemoveBatchAsync(db, sweep, run, counts, kind, rule.Action, batch, trigger, null, ct);
            }
            counts.AddHeld(kind, rule.Action, held);
        }
        db.Attach(run);
        run.Counts = counts.ToJson();
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Retention run {RunId} of {Service} as of {AsOf}: {Removed} records removed, {Held} held",
            run.Id, sweep.Service, asOf, counts.RemovedTotal, counts.HeldTotal);
        return await DescribeAsync(db, sweep.Service, run, withRemoved: true, ct);
    }

    /// <summary>
    /// An approved erasure request: everything the service holds linked to it is removed as the schedule
    /// would remove it, in the caller's transaction (a feed consumer's, or the decision's own).
    /// </summary>
    public async Task<RetentionRunRecord> StageErasureAsync(TContext db, RetentionSweep<TContext> sweep, string requestId, string? personId,
        IEnumerable<string> caseIds, IEnumerable<string> contactIds, string requestedBy, CancellationToken ct)
    {
        var (schedule, version) = await sweep.ScheduleAsync(db, ct);
        var holds = await sweep.HoldsAsync(db, ct);
        var now = clock.GetUtcNow();
        var run = new RetentionRunRecord
        {
            Id = Guid.CreateVersion7(), Trigger = (int)RetentionRunTrigger.ErasureRequest, AsOf = DateOnly.FromDateTime(now.UtcDateTime),
            StartedAt = now, FinishedAt = now, RequestedBy = requestedBy, ConfigurationVersion = version, ErasureRequestId = requestId,
        };
        db.Add(run);
        var counts = new RunCounts();
        var target = RetentionTarget.Erasure(personId, caseIds, contactIds);
        foreach (var kind in sweep.Kinds)
        {
            var action = schedule.ActionFor(kind);
            var due = await sweep.DueAsync(db, kind, target, ct);
            var free = due.Where(c => !holds.Covers(c)).Select(c => c.Id).ToList();
            counts.AddHeld(kind, action, due.Count - free.Count);
            if (free.Count > 0)
            {
                var removed = await sweep.RemoveAsync(db, kind, action, free, ct);
                Record(db, sweep, run, counts, kind, action, removed, RetentionRunTrigger.ErasureRequest, requestId);
            }
        }
        run.Counts = counts.ToJson();
        logger.LogInformation("Erasure request {RequestId} in {Service}: {Removed} records removed, {Held} held",
            requestId, sweep.Service, counts.RemovedTotal, counts.HeldTotal);
        return run;
    }

    public async Task<ListRetentionRunsReply> ListAsync(ListRetentionRunsRequest request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var service = scope.ServiceProvider.GetRequiredService<RetentionSweep<TContext>>().Service;
        var limit = request.Limit is > 0 and <= 200 ? request.Limit : 20;
        var runs = await db.Set<RetentionRunRecord>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(limit).ToListAsync(ct);
        var reply = new ListRetentionRunsReply();
        foreach (var run in runs)
        {
            reply.Runs.Add(await DescribeAsync(db, service, run, request.WithRemoved, ct));
        }
        return reply;
    }

    private async Task<int> RemoveBatchAsync(TContext db, RetentionSweep<TContext> sweep, RetentionRunRecord run, RunCounts counts,
        RetentionKind kind, RetentionAction action, RetentionCandidate[] batch, RetentionRunTrigger trigger, string? requestId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(sweep.Service)})", ct);
        // Holds are read under the lock, so one placed while the run was listing what is due still counts.
        var holds = await sweep.HoldsAsync(db, ct);
        var free = batch.Where(c => !holds.Covers(c)).Select(c => c.Id).ToList();
        var removed = free.Count == 0 ? [] : await sweep.RemoveAsync(db, kind, action, free, ct);
        Record(db, sweep, run, counts, kind, action, removed, trigger, requestId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return batch.Length - free.Count;
    }

    private void Record(TContext db, RetentionSweep<TContext> sweep, RetentionRunRecord run, RunCounts counts,
        RetentionKind kind, RetentionAction action, IReadOnlyList<string> removed, RetentionRunTrigger trigger, string? requestId)
    {
        counts.AddRemoved(kind, action, removed.Count);
        if (removed.Count == 0)
        {
            return;
        }
        foreach (var id in removed)
        {
            db.Add(new RetentionRunItem { RunId = run.Id, Kind = (int)kind, Action = (int)action, RecordId = id });
        }
        outbox.Add(db, new PersonalDataRemoved
        {
            RunId = run.Id.ToString(), Service = sweep.Service, Kind = kind, Action = action, RecordIds = { removed },
            Trigger = trigger, ErasureRequestId = requestId ?? "",
        });
    }

    private static async Task<RetentionRun> DescribeAsync(TContext db, string service, RetentionRunRecord run, bool withRemoved, CancellationToken ct)
    {
        var described = RunCounts.Describe(run);
        described.Service = service;
        if (withRemoved)
        {
            var items = await db.Set<RetentionRunItem>().AsNoTracking().Where(i => i.RunId == run.Id)
                .OrderBy(i => i.Id).Take(1000).ToListAsync(ct);
            described.Removed.AddRange(items.Select(i => new RetentionRemovedRecord
            {
                Kind = (RetentionKind)i.Kind, Action = (RetentionAction)i.Action, RecordId = i.RecordId,
            }));
        }
        return described;
    }

    private static long LockKey(string service) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("complaints-platform:retention:" + service)), 0);
}
