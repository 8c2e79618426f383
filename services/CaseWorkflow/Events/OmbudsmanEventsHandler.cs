using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Ombudsman.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Events;

/// <summary>
/// Follows OmbudsmanLiaison's feed: an enquiry marks the case behind it (what a link officer may
/// read, imported enquiries too); a premature complaint referred back continues here, noted on its case.
/// </summary>
public sealed class OmbudsmanEventsHandler(CaseRulesSource rules, CasePublisher publisher, ILogger<OmbudsmanEventsHandler> logger)
    : IFeedEventHandler<CaseWorkflowDbContext>
{
    public async Task HandleAsync(CaseWorkflowDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (evt.Payload.TryUnpack<EnquiryReceived>(out var enquiry))
        {
            await EnquiryReceivedAsync(db, enquiry, ct);
        }
        else if (evt.Payload.TryUnpack<EnquiryCaseLinked>(out var linked))
        {
            // Linked after registration: the case learns of the enquiry as if it had named the case at once.
            await EnquiryReceivedAsync(db, new EnquiryReceived
            {
                EnquiryId = linked.EnquiryId, Ombudsman = linked.Ombudsman, OmbudsmanReference = linked.OmbudsmanReference,
                CaseId = linked.CaseId, CaseReference = linked.CaseReference, ReceivedOn = linked.ReceivedOn,
            }, ct);
        }
        else if (evt.Payload.TryUnpack<ReferredBackForLocalResolution>(out var referred))
        {
            await ReferredBackAsync(db, referred, ct);
        }
    }

    private async Task EnquiryReceivedAsync(CaseWorkflowDbContext db, EnquiryReceived enquiry, CancellationToken ct)
    {
        // An enquiry about a complaint the council never logged here names no case: nothing to mark.
        var record = Guid.TryParse(enquiry.CaseId, out var caseId) ? await db.Cases.FindAsync([caseId], ct)
            : enquiry.CaseReference.Length > 0 ? await db.Cases.FirstOrDefaultAsync(c => c.Reference == enquiry.CaseReference, ct)
            : null;
        if (record is null)
        {
            return;
        }
        var c = record.Load();
        var d = enquiry.ReceivedOn;
        c.OmbudsmanEnquiryReceived(enquiry.EnquiryId, enquiry.OmbudsmanReference, d is null ? c.ReceivedOn : d.ToDateOnly(), Actor);
        Save(db, record, c, "OmbudsmanEnquiryReceived");
    }

    private async Task ReferredBackAsync(CaseWorkflowDbContext db, ReferredBackForLocalResolution referred, CancellationToken ct)
    {
        var record = Guid.TryParse(referred.CaseId, out var caseId) ? await db.Cases.FindAsync([caseId], ct) : null;
        if (record is null)
        {
            logger.LogWarning("Ombudsman enquiry {EnquiryId} was referred back for a case this service does not hold", referred.EnquiryId);
            return;
        }
        var c = record.Load();
        var d = referred.DecidedOn;
        c.ReferredBackByOmbudsman(referred.OmbudsmanReference, d.ToDateOnly(), Actor);
        Save(db, record, c, "ReferredBackByOmbudsman");
    }

    private Actor Actor => new("ombudsman-liaison", "service", rules.Now);

    private void Save(CaseWorkflowDbContext db, CaseRecord record, Case c, string action)
    {
        var actor = Actor;
        publisher.Publish(db, c, actor);
        record.Store(c);
        db.CaseAudit.Add(new CaseAuditRecord
        {
            CaseId = c.Id, At = actor.Now, OfficerId = actor.Id, Role = actor.Role, Action = action, Allowed = true,
        });
    }
}
