using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Events;

/// <summary>What one tick of the deadline watcher did.</summary>
public sealed record WatchResult(int CasesTouched, int RemindersSent, bool LockHeldElsewhere);

/// <summary>
/// One tick of the deadline watcher. Reads only the cases owed a reminder today through the indexed
/// next_reminder_on column (each deadline remembers the due date it was reminded for — its watermark),
/// and writes each reminder's queue row, its ReminderDue event, the officer's email request and the
/// case's advanced watermark in one transaction. Exactly once: a PostgreSQL advisory lock lets one
/// replica work at a time, and the reminders table's unique key on (case, stage, clock, due, kind)
/// refuses any second copy even if that were bypassed.
/// </summary>
public sealed class DeadlineWatch(CaseWorkflowDbContext db, CaseRulesSource rules, CasePublisher publisher, CouncilState state)
{
    // "CW-WATCH": any fixed key shared by every replica of this service.
    private const long LockKey = 0x4357_2D57_4154_4348;
    private const int BatchSize = 500;

    public async Task<WatchResult> RunOnceAsync(CancellationToken ct)
    {
        var today = rules.Today(state.Current.Calendars);
        var actor = new Actor("deadline-watcher", "system", rules.Now);
        var touched = 0;
        var sent = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                return new WatchResult(touched, sent, LockHeldElsewhere: true);
            }
            var batch = await db.Cases.Where(c => c.NextReminderOn <= today)
                .OrderBy(c => c.NextReminderOn).ThenBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            var sentInBatch = 0;
            foreach (var record in batch)
            {
                var c = record.Load();
                foreach (var note in c.Remind(await rules.ForCaseAsync(db, c, ct), actor))
                {
                    db.Reminders.Add(new ReminderRecord
                    {
                        Id = note.Id,
                        CaseId = c.Id,
                        Reference = c.Reference,
                        Stage = note.Stage,
                        Clock = (int)note.Clock,
                        Due = note.Due,
                        Kind = (int)note.Kind,
                        OfficerId = note.OfficerId,
                        CreatedAt = actor.Now,
                    });
                    sentInBatch++;
                }
                publisher.Publish(db, c, actor);
                record.Store(c, visible: false); // a reminder: nothing for an open form to re-check
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            touched += batch.Count;
            sent += sentInBatch;
            // A batch that owed nothing cannot advance; stop rather than spin on it.
            if (batch.Count < BatchSize || sentInBatch == 0)
            {
                return new WatchResult(touched, sent, LockHeldElsewhere: false);
            }
        }
    }
}

/// <summary>Runs the deadline watch every Reminders:IntervalSeconds (Reminders:Enabled turns it off).</summary>
public sealed class DeadlineWatcher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadlineWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Reminders:IntervalSeconds", 60)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var state = scope.ServiceProvider.GetRequiredService<CouncilState>();
                if (!state.IsLoaded)
                {
                    continue;
                }
                var result = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(stoppingToken);
                if (result.RemindersSent > 0)
                {
                    logger.LogInformation("Deadline watch sent {Reminders} reminders on {Cases} cases", result.RemindersSent, result.CasesTouched);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A case changed by an officer mid-tick rolls the batch back; the next tick takes it again.
                logger.LogWarning(ex, "Deadline watch tick failed; retrying on the next tick");
            }
        }
    }
}
