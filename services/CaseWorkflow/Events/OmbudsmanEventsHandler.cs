using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Ombudsman.V1;

namespace ComplaintsPlatform.CaseWorkflow.Events;

/// <summary>Follows OmbudsmanLiaison's feed: a premature complaint referred back continues here, noted on its case.</summary>
public sealed class OmbudsmanEventsHandler(CaseRulesSource rules, CasePublisher publisher, ILogger<OmbudsmanEventsHandler> logger)
    : IFeedEventHandler<CaseWorkflowDbContext>
{
    public async Task HandleAsync(CaseWorkflowDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (!evt.Payload.TryUnpack<ReferredBackForLocalResolution>(out var referred))
        {
            return;
        }
        var record = Guid.TryParse(referred.CaseId, out var caseId) ? await db.Cases.FindAsync([caseId], ct) : null;
        if (record is null)
        {
            logger.LogWarning("Ombudsman enquiry {EnquiryId} was referred back for a case this service does not hold", referred.EnquiryId);
            return;
        }
        var actor = new Actor("ombudsman-liaison", "service", rules.Now);
        var c = record.Load();
        var d = referred.DecidedOn;
        c.ReferredBackByOmbudsman(referred.OmbudsmanReference, new DateOnly(d.Year, d.Month, d.Day), actor);
        publisher.Publish(db, c, actor);
        record.Store(c);
        db.CaseAudit.Add(new CaseAuditRecord
        {
            CaseId = c.Id, At = actor.Now, OfficerId = actor.Id, Role = actor.Role, Action = "ReferredBackByOmbudsman", Allowed = true,
        });
    }
}
