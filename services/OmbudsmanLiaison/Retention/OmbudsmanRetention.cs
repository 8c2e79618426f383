using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.OmbudsmanLiaison.Retention;

/// <summary>
/// Ombudsman enquiries under the retention schedule, counted from the final decision (an enquiry still
/// open is never due), and their correspondence, which never outlives the enquiry. Anonymising keeps the
/// references, codes, dates and amounts Reporting and the annual letter reconcile; summaries, notes,
/// evidence and file names go.
/// </summary>
public sealed class OmbudsmanRetention(TimeProvider clock) : RetentionSweep<OmbudsmanLiaisonDbContext>
{
    public override string Service => "ombudsman";

    public override IReadOnlyList<RetentionKind> Kinds { get; } = [RetentionKind.OmbudsmanEnquiry, RetentionKind.Correspondence, RetentionKind.AccessLog];

    public override async Task<IReadOnlyList<RetentionCandidate>> DueAsync(OmbudsmanLiaisonDbContext db, RetentionKind kind, RetentionTarget target, CancellationToken ct)
    {
        if (kind == RetentionKind.AccessLog)
        {
            // The reads of an erased person's enquiries go with them (found by case, or by the enquiry ids).
            var caseIds = target.CaseIds.ToList();
            var erased = target.IsErasure
                ? await db.Enquiries.Where(e => e.CaseId != null && caseIds.Contains(e.CaseId)).Select(e => e.Id.ToString()).ToListAsync(ct)
                : [];
            return await ReadAudit.DueAsync(db, target, erased, ct);
        }
        var enquiries = db.Enquiries.AsNoTracking();
        if (target.DueOnOrBefore is { } cutoff)
        {
            enquiries = enquiries.Where(e => e.Decision != null && e.DecidedOn != null && e.DecidedOn <= cutoff);
        }
        else
        {
            var caseIds = target.CaseIds.ToList();
            enquiries = enquiries.Where(e => e.CaseId != null && caseIds.Contains(e.CaseId));
        }
        return kind switch
        {
            RetentionKind.OmbudsmanEnquiry => await enquiries.Where(e => e.AnonymisedAt == null)
                .Select(e => new RetentionCandidate(e.Id.ToString(), null, e.CaseId, null)).ToListAsync(ct),
            RetentionKind.Correspondence => await (from c in db.Correspondence
                                                   join e in enquiries on c.EnquiryId equals e.Id
                                                   where c.AnonymisedAt == null
                                                   select new RetentionCandidate(c.Id.ToString(), null, e.CaseId, null)).ToListAsync(ct),
            _ => [],
        };
    }

    public override async Task<IReadOnlyList<string>> RemoveAsync(OmbudsmanLiaisonDbContext db, RetentionKind kind, RetentionAction action, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (kind == RetentionKind.AccessLog)
        {
            return await ReadAudit.EraseAsync(db, ids, ct);
        }
        var guids = ids.Select(Guid.Parse).ToList();
        var now = clock.GetUtcNow();
        List<Guid> found;
        if (kind == RetentionKind.OmbudsmanEnquiry)
        {
            var enquiries = await db.Enquiries.Where(e => guids.Contains(e.Id) && e.AnonymisedAt == null)
                .Include(e => e.Requests).Include(e => e.Correspondence).Include(e => e.Recommendations).ToListAsync(ct);
            found = enquiries.ConvertAll(e => e.Id);
            if (action == RetentionAction.Erase)
            {
                await db.Reminders.Where(r => found.Contains(r.EnquiryId)).ExecuteDeleteAsync(ct);
                await db.ImportedRows.Where(r => found.Contains(r.EnquiryId)).ExecuteDeleteAsync(ct);
                db.RemoveRange(enquiries.SelectMany(e => e.Requests));
                db.RemoveRange(enquiries.SelectMany(e => e.Correspondence));
                db.RemoveRange(enquiries.SelectMany(e => e.Recommendations));
                db.Enquiries.RemoveRange(enquiries);
            }
            else
            {
                enquiries.ForEach(e => Anonymise(e, now));
            }
        }
        else if (kind == RetentionKind.Correspondence)
        {
            var letters = await db.Correspondence.Where(c => guids.Contains(c.Id) && c.AnonymisedAt == null).ToListAsync(ct);
            found = letters.ConvertAll(c => c.Id);
            if (action == RetentionAction.Erase)
            {
                db.Correspondence.RemoveRange(letters);
            }
            else
            {
                letters.ForEach(c => Anonymise(c, now));
            }
        }
        else
        {
            return [];
        }
        await db.SaveChangesAsync(ct);
        return found.ConvertAll(id => id.ToString());
    }

    private static void Anonymise(EnquiryRecord enquiry, DateTimeOffset now)
    {
        enquiry.Summary = "";
        enquiry.DecisionNote = null;
        enquiry.AnonymisedAt = now;
        foreach (var request in enquiry.Requests)
        {
            request.Summary = "";
        }
        foreach (var letter in enquiry.Correspondence.Where(c => c.AnonymisedAt is null))
        {
            Anonymise(letter, now);
        }
        foreach (var recommendation in enquiry.Recommendations)
        {
            recommendation.Description = "";
            recommendation.Evidence = null;
            recommendation.EvidenceDocument = Without(recommendation.EvidenceDocument);
        }
    }

    private static void Anonymise(CorrespondenceRecord letter, DateTimeOffset now)
    {
        letter.Summary = "";
        letter.Document = Without(letter.Document);
        letter.AnonymisedAt = now;
    }

    // The kind and size of a document stay; its name and where it is filed go.
    private static DocumentColumns Without(DocumentColumns document) =>
        new() { ContentType = document.ContentType, SizeBytes = document.SizeBytes };
}
