using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Retention;

/// <summary>Compliments under the retention schedule: kept for the schedule's months after receipt.</summary>
public sealed class ComplimentsRetention(TimeProvider clock) : RetentionSweep<ComplimentsDbContext>
{
    public override string Service => "compliments";

    public override IReadOnlyList<RetentionKind> Kinds { get; } = [RetentionKind.Compliment, RetentionKind.AccessLog];

    public override async Task<IReadOnlyList<RetentionCandidate>> DueAsync(ComplimentsDbContext db, RetentionKind kind, RetentionTarget target, CancellationToken ct)
    {
        if (kind == RetentionKind.AccessLog)
        {
            var contactIds = target.ContactIds.ToList();
            var erased = target.IsErasure
                ? await db.Compliments.Where(c => (target.PersonId != null && c.PersonId == target.PersonId) || (c.ContactId != null && contactIds.Contains(c.ContactId)))
                    .Select(c => c.Id.ToString()).ToListAsync(ct)
                : [];
            return await ReadAudit.DueAsync(db, target, erased, ct);
        }
        if (kind != RetentionKind.Compliment)
        {
            return [];
        }
        var compliments = db.Compliments.AsNoTracking().Where(c => c.AnonymisedAt == null);
        if (target.DueOnOrBefore is { } cutoff)
        {
            compliments = compliments.Where(c => c.ReceivedOn <= cutoff);
        }
        else
        {
            var contactIds = target.ContactIds.ToList();
            compliments = compliments.Where(c => (target.PersonId != null && c.PersonId == target.PersonId)
                || (c.ContactId != null && contactIds.Contains(c.ContactId)));
        }
        return await compliments.Select(c => new RetentionCandidate(c.Id.ToString(), c.PersonId, null, c.ContactId)).ToListAsync(ct);
    }

    public override async Task<IReadOnlyList<string>> RemoveAsync(ComplimentsDbContext db, RetentionKind kind, RetentionAction action, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (kind == RetentionKind.AccessLog)
        {
            return await ReadAudit.EraseAsync(db, ids, ct);
        }
        var guids = ids.Select(Guid.Parse).ToList();
        var found = await db.Compliments.Where(c => guids.Contains(c.Id) && c.AnonymisedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var compliment in found)
        {
            if (action == RetentionAction.Erase)
            {
                db.Compliments.Remove(compliment);
            }
            else
            {
                compliment.Anonymise(now);
            }
        }
        await db.SaveChangesAsync(ct);
        return found.ConvertAll(c => c.Id.ToString());
    }
}
