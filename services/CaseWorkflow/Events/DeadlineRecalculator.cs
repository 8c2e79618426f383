using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;

namespace ComplaintsPlatform.CaseWorkflow.Events;

/// <summary>
/// Moves stored deadlines onto a new calendar in the same transaction that records the change and
/// publishes CalendarChanged: each moved deadline is recorded on its case, announced, and the person
/// is told (through Intake) where it moved.
/// </summary>
public sealed class DeadlineRecalculator(CaseRulesSource rules, CasePublisher publisher)
{
    private const int BatchSize = 500;

    public async Task<int> RecomputeAsync(CaseWorkflowDbContext db, CouncilCalendars calendars, string reason, CancellationToken ct)
    {
        var actor = new Actor("system", "system", rules.Now);
        var moved = 0;
        for (var offset = 0; ; offset += BatchSize)
        {
            // Recomputing never clears has_open_deadlines, so offsets stay stable within the transaction.
            var batch = await db.Cases.Where(c => c.HasOpenDeadlines)
                .OrderBy(c => c.Id).Skip(offset).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return moved;
            }
            foreach (var record in batch)
            {
                var c = record.Load();
                if (c.RecomputeDeadlines(await rules.ForCaseAsync(db, c, ct, calendars), actor, reason) > 0)
                {
                    moved++;
                    publisher.Publish(db, c, actor);
                    record.Store(c);
                }
            }
        }
    }
}
