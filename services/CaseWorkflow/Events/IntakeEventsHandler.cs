using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Consumers;
using Microsoft.EntityFrameworkCore;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;

namespace ComplaintsPlatform.CaseWorkflow.Events;

/// <summary>
/// Follows Intake's feed: a contact triaged as a complaint (or accepted although out of time) opens
/// a case, once per contact however often the event arrives. Only ids, codes and dates come over the
/// feed; what the complaint is about is recorded by the complaints team at acknowledgement.
/// </summary>
public sealed class IntakeEventsHandler(CaseRulesSource rules, CasePublisher publisher, CouncilState state, ILogger<IntakeEventsHandler> logger)
    : IFeedEventHandler<CaseWorkflowDbContext>
{
    public async Task HandleAsync(CaseWorkflowDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (evt.Payload.TryUnpack<ContactTriaged>(out var triaged) && OpensCase(triaged))
        {
            await OpenAsync(db, triaged, ct);
        }
    }

    private static bool OpensCase(ContactTriaged t) =>
        t.Decision == TriageDecision.Complaint || (t.Decision == TriageDecision.OutOfTime && t.OutOfTimeAccepted);

    private async Task OpenAsync(CaseWorkflowDbContext db, ContactTriaged t, CancellationToken ct)
    {
        // The inbox stops a redelivery; this stops a second triage event for the same contact.
        if (await db.Cases.AnyAsync(c => c.ContactId == t.ContactId, ct)
            || db.Cases.Local.Any(c => c.ContactId == t.ContactId))
        {
            return;
        }
        var stream = t.Stream;
        if (stream == ComplaintStream.Unspecified)
        {
            logger.LogWarning("Contact {ContactId} triaged as a complaint without a stream; opened under the corporate procedure", t.ContactId);
            stream = ComplaintStream.Corporate;
        }
        var directory = new CouncilDirectoryLookup(state.Current.Configuration);
        var check = new Hosting.Errors.Validator();
        var directorate = t.ServiceAreaId.Length == 0 ? "" : directory.DirectorateOf(t.ServiceAreaId, "service_area_id", check);
        var serviceArea = check.IsValid ? t.ServiceAreaId : "";
        var actor = new Actor(t.TriagedBy.Length > 0 ? t.TriagedBy : "intake", "intake", rules.Now);
        var opened = Case.Open(Guid.CreateVersion7(), t.Reference, t.ContactId, t.PersonId, serviceArea, directorate,
            t.ReceivedAt.ToDateTimeOffset(), fromIntake: true, rules.ForNewCase(stream), actor);
        publisher.Publish(db, opened, actor);
        var record = new CaseRecord();
        record.Store(opened);
        db.Cases.Add(record);
        db.CaseAudit.Add(new CaseAuditRecord { CaseId = opened.Id, At = actor.Now, OfficerId = actor.Id, Role = "intake", Action = "OpenFromTriage", Allowed = true });
    }
}
