using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Retention;

/// <summary>
/// CaseWorkflow's records under the retention schedule: closed cases (the document's words; ids, codes,
/// dates and findings stay), the words of the letters it asked Intake to send, and the case audit trail.
/// It reads the schedule from its own configuration and the holds from its own table.
/// </summary>
public sealed class CaseWorkflowRetention(TimeProvider clock) : RetentionSweep<CaseWorkflowDbContext>
{
    public override string Service => "caseworkflow";

    public override IReadOnlyList<RetentionKind> Kinds { get; } = [RetentionKind.ClosedCase, RetentionKind.Correspondence, RetentionKind.AccessLog];

    public override async Task<(RetentionSchedule Schedule, int Version)> ScheduleAsync(CaseWorkflowDbContext db, CancellationToken ct)
    {
        var row = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return (RetentionSchedule.From([]), 0);
        }
        var configuration = ProtoJson.Read<CouncilConfiguration>(row.Document);
        return (RetentionSchedule.From(RetentionSchedule.Complete(configuration.Retention?.Rules ?? [])), row.Version);
    }

    public override async Task<LegalHolds> HoldsAsync(CaseWorkflowDbContext db, CancellationToken ct)
    {
        var active = await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(ct);
        return new LegalHolds(active.Select(h => new HeldRecord
        {
            HoldId = h.Id.ToString(), PersonId = h.PersonId, CaseIds = h.CaseId is { } c ? [c.ToString()] : [],
        }));
    }

    public override async Task<IReadOnlyList<RetentionCandidate>> DueAsync(CaseWorkflowDbContext db, RetentionKind kind, RetentionTarget target, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking();
        if (target.DueOnOrBefore is { } cutoff)
        {
            cases = cases.Where(c => c.ClosedOn != null && c.ClosedOn <= cutoff);
        }
        else
        {
            var caseIds = target.CaseIds.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).ToList();
            var contactIds = target.ContactIds.ToList();
            cases = cases.Where(c => caseIds.Contains(c.Id) || (target.PersonId != null && c.PersonId == target.PersonId)
                || (c.ContactId != null && contactIds.Contains(c.ContactId)));
        }
        switch (kind)
        {
            case RetentionKind.ClosedCase:
                return await cases.Where(c => c.AnonymisedAt == null)
                    .Select(c => new RetentionCandidate(c.Id.ToString(), c.PersonId, c.Id.ToString(), c.ContactId)).ToListAsync(ct);
            case RetentionKind.Correspondence:
                return await (from r in db.Correspondence
                              join c in cases on r.CaseId equals c.Id
                              where r.AnonymisedAt == null
                              select new RetentionCandidate(r.RequestId.ToString(), c.PersonId, c.Id.ToString(), c.ContactId)).ToListAsync(ct);
            case RetentionKind.AccessLog when target.DueOnOrBefore is { } due:
                var before = new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return await (from a in db.CaseAudit
                              where a.At < before
                              join c in db.Cases on a.CaseId equals c.Id into owner
                              from c in owner.DefaultIfEmpty()
                              select new RetentionCandidate(a.Id.ToString(), c == null ? null : c.PersonId, a.CaseId.ToString(), null)).ToListAsync(ct);
            case RetentionKind.AccessLog:
                return await (from a in db.CaseAudit
                              join c in cases on a.CaseId equals c.Id
                              select new RetentionCandidate(a.Id.ToString(), c.PersonId, c.Id.ToString(), c.ContactId)).ToListAsync(ct);
            default:
                return [];
        }
    }

    public override async Task<IReadOnlyList<string>> RemoveAsync(CaseWorkflowDbContext db, RetentionKind kind, RetentionAction action, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (kind)
        {
            case RetentionKind.ClosedCase:
            {
                var guids = ids.Select(Guid.Parse).ToList();
                var cases = await db.Cases.Where(c => guids.Contains(c.Id) && c.AnonymisedAt == null).ToListAsync(ct);
                var found = cases.ConvertAll(c => c.Id);
                // A case's letters never outlive it.
                await RemoveLettersAsync(db, action, db.Correspondence.Where(r => found.Contains(r.CaseId)), now, ct);
                if (action == RetentionAction.Erase)
                {
                    await db.CaseAudit.Where(a => found.Contains(a.CaseId)).ExecuteDeleteAsync(ct);
                    db.Cases.RemoveRange(cases);
                }
                else
                {
                    foreach (var record in cases)
                    {
                        var c = record.Load();
                        c.Anonymise(now);
                        record.Store(c);
                    }
                }
                await db.SaveChangesAsync(ct);
                return found.ConvertAll(id => id.ToString());
            }
            case RetentionKind.Correspondence:
            {
                var guids = ids.Select(Guid.Parse).ToList();
                var letters = db.Correspondence.Where(r => guids.Contains(r.RequestId) && r.AnonymisedAt == null);
                var found = await letters.Select(r => r.RequestId).ToListAsync(ct);
                await RemoveLettersAsync(db, action, db.Correspondence.Where(r => found.Contains(r.RequestId)), now, ct);
                return found.ConvertAll(id => id.ToString());
            }
            case RetentionKind.AccessLog:
            {
                var longs = ids.Select(long.Parse).ToList();
                var found = await db.CaseAudit.Where(a => longs.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
                await db.CaseAudit.Where(a => found.Contains(a.Id)).ExecuteDeleteAsync(ct);
                return found.ConvertAll(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            default:
                return [];
        }
    }

    private static Task RemoveLettersAsync(CaseWorkflowDbContext db, RetentionAction action, IQueryable<CorrespondenceRecord> letters, DateTimeOffset now, CancellationToken ct) =>
        action == RetentionAction.Erase
            ? letters.ExecuteDeleteAsync(ct)
            : letters.Where(r => r.AnonymisedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.Texts, "{}").SetProperty(r => r.AnonymisedAt, now), ct);
}
