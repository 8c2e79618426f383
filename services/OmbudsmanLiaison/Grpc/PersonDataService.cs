using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.Retention;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

/// <summary>
/// The Ombudsman enquiries about a person's cases, with their requests, correspondence and
/// recommendations, for Intake's subject access service only; each gathering is in the read audit.
/// </summary>
[Authorize(Roles = Roles.Service)]
public sealed class PersonDataService(OmbudsmanLiaisonDbContext db, TimeProvider clock) : PersonData.PersonDataBase
{
    public override async Task<PersonRecords> GatherRecords(PersonKeys request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        Held.EnsureIntake(caller);
        var caseIds = request.CaseIds.Distinct().ToList();
        var enquiries = await db.Enquiries.AsNoTracking().Where(e => e.CaseId != null && caseIds.Contains(e.CaseId))
            .Include(e => e.Requests).Include(e => e.Correspondence).Include(e => e.Recommendations).Include(e => e.Orders)
            .AsSplitQuery().OrderBy(e => e.ReceivedOn).ToListAsync(context.CancellationToken);
        var reply = new PersonRecords();
        var now = clock.GetUtcNow();
        foreach (var e in enquiries)
        {
            ReadAudit.Add(db, caller, now, "SubjectAccess", AuditKinds.Enquiry, e.Id.ToString(), request.PersonIds.FirstOrDefault(), e.CaseId,
                officerId: request.RequestedBy);
            reply.Records.Add(ToRecord(e));
            var partOf = $"{AuditKinds.Enquiry}:{e.Id}";
            reply.Records.AddRange(e.Requests.OrderBy(r => r.RequestedOn).Select(r =>
                Held.Record("ombudsman_information_request", r.Id, e.OmbudsmanReference, r.RequestedOn, partOf)
                    .With("Summary", r.Summary, mayNameOthers: true).With("Due", r.DueOn).With("Replied", r.RepliedOn)));
            reply.Records.AddRange(e.Correspondence.OrderBy(c => c.OccurredOn).Select(c =>
                Held.Record("ombudsman_correspondence", c.Id, e.OmbudsmanReference, c.OccurredOn, partOf)
                    .With("Direction", DomainNames<Direction>.Name(c.Direction))
                    .With("Summary", c.Summary, mayNameOthers: true)
                    .With("Document", c.Document.FileName).With("Document reference", c.Document.Reference)));
            reply.Records.AddRange(e.Recommendations.OrderBy(r => r.AgreedOn).Select(r =>
                Held.Record("ombudsman_recommendation", r.Id, e.OmbudsmanReference, r.AgreedOn, partOf)
                    .With("Type", DomainNames<RecommendationType>.Name(r.Type))
                    .With("Description", r.Description, mayNameOthers: true)
                    .With("Amount", r.AmountPence > 0 ? Held.Pounds(r.AmountPence) : null)
                    .With("Due", r.DueOn).With("Completed", r.CompletedOn).With("Evidence", r.Evidence, mayNameOthers: true)));
            reply.Records.AddRange(e.Orders.OrderBy(o => o.OrderedOn).Select(o =>
                Held.Record("ombudsman_order", o.Id, e.OmbudsmanReference, o.OrderedOn, partOf)
                    .With("Type", DomainNames<RecommendationType>.Name(o.Type))
                    .With("Description", o.Description, mayNameOthers: true)
                    .With("Amount", o.AmountPence > 0 ? Held.Pounds(o.AmountPence) : null)
                    .With("Compliance due", o.ComplianceDueOn).With("Completed", o.CompletedOn)));
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return reply;
    }

    public override async Task<AccessEntries> QueryAccess(AccessQuery request, ServerCallContext context)
    {
        Held.EnsureIntake(Caller.From(context));
        var caseIds = request.Person?.CaseIds.ToList() ?? [];
        var enquiryIds = caseIds.Count == 0
            ? []
            : await db.Enquiries.Where(e => e.CaseId != null && caseIds.Contains(e.CaseId)).Select(e => e.Id.ToString()).ToListAsync(context.CancellationToken);
        return await ReadAudit.QueryAsync(db, "ombudsman", request, enquiryIds, context.CancellationToken);
    }

    private static PersonRecord ToRecord(EnquiryRecord e) =>
        Held.Record(AuditKinds.Enquiry, e.Id, e.OmbudsmanReference, e.ReceivedOn, e.CaseId is null ? "" : $"{AuditKinds.Case}:{e.CaseId}")
            .With("Ombudsman", DomainNames<V1Ombudsman>.Name(e.Ombudsman))
            .With("Council case", e.CaseReference)
            .With("Summary", e.Summary, mayNameOthers: true)
            .With("Draft decision received", e.DraftReceivedOn)
            .With("Decision", e.Decision is { } d ? DomainNames<OmbudsmanDecision>.Name(d) : null)
            .With("Decided", e.DecidedOn)
            .With("Decision note", e.DecisionNote, mayNameOthers: true);
}
