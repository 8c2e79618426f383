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
/// Follows Intake's feed. A contact triaged as a complaint (or accepted although out of time) opens a
/// case, once per contact however often the event arrives; a contact later upgraded to a complaint
/// opens one from when it was received; one downgraded ends its case. Only ids, codes and dates come
/// over the feed: what the complaint is about is recorded by the complaints team at acknowledgement.
/// An imported (historic) contact is remembered only, so an imported case can name it.
/// </summary>
public sealed class IntakeEventsHandler(CaseRulesSource rules, CasePublisher publisher, CouncilState state, ILogger<IntakeEventsHandler> logger)
    : IFeedEventHandler<CaseWorkflowDbContext>
{
    public async Task HandleAsync(CaseWorkflowDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (evt.Payload.TryUnpack<ContactTriaged>(out var triaged))
        {
            var contact = await RememberAsync(db, triaged, ct);
            // A historic contact's case comes from ImportCases (which names the contact to link them), never a live one.
            if (!triaged.Imported && (triaged.Decision == TriageDecision.Complaint || (triaged.Decision == TriageDecision.OutOfTime && triaged.OutOfTimeAccepted)))
            {
                await OpenAsync(db, contact, ct);
            }
        }
        else if (evt.Payload.TryUnpack<ContactReclassified>(out var reclassified))
        {
            await ReclassifyAsync(db, reclassified, ct);
        }
        else if (evt.Payload.TryUnpack<PersonAdjustmentsChanged>(out var adjustments))
        {
            var flags = await PersonFlagsAsync(db, adjustments.PersonId, ct);
            flags.AdjustmentCodes = [.. adjustments.AdjustmentCodes];
            flags.UpdatedAt = adjustments.ChangedAt.ToDateTimeOffset();
        }
        else if (evt.Payload.TryUnpack<PersonRestrictionChanged>(out var restriction))
        {
            var flags = await PersonFlagsAsync(db, restriction.PersonId, ct);
            var restrictions = new Dictionary<string, string>(flags.Restrictions);
            if (restriction.Active)
            {
                restrictions[restriction.RestrictionId] = restriction.RestrictionCode;
            }
            else
            {
                restrictions.Remove(restriction.RestrictionId);
            }
            flags.Restrictions = restrictions;
            flags.UpdatedAt = restriction.ChangedAt.ToDateTimeOffset();
        }
    }

    private static async Task<PersonFlagsRecord> PersonFlagsAsync(CaseWorkflowDbContext db, string personId, CancellationToken ct)
    {
        var flags = await db.PersonFlags.FindAsync([personId], ct);
        if (flags is null)
        {
            flags = new PersonFlagsRecord { PersonId = personId };
            db.PersonFlags.Add(flags);
        }
        return flags;
    }

    private static async Task<TriagedContactRecord> RememberAsync(CaseWorkflowDbContext db, ContactTriaged t, CancellationToken ct)
    {
        var contact = await db.TriagedContacts.FindAsync([t.ContactId], ct);
        if (contact is null)
        {
            contact = new TriagedContactRecord { ContactId = t.ContactId };
            db.TriagedContacts.Add(contact);
        }
        contact.Reference = t.Reference;
        contact.PersonId = t.PersonId;
        contact.Decision = (int)t.Decision;
        contact.Stream = (int)t.Stream;
        contact.ServiceAreaId = t.ServiceAreaId;
        contact.ReceivedAt = t.ReceivedAt.ToDateTimeOffset();
        contact.TriagedBy = t.TriagedBy;
        return contact;
    }

    private async Task ReclassifyAsync(CaseWorkflowDbContext db, ContactReclassified r, CancellationToken ct)
    {
        var record = await db.Cases.FirstOrDefaultAsync(c => c.ContactId == r.ContactId, ct);
        var actor = new Actor(r.ReclassifiedBy.Length > 0 ? r.ReclassifiedBy : "intake", "intake", rules.Now);
        if (r.ToDecision == TriageDecision.Complaint)
        {
            var contact = await db.TriagedContacts.FindAsync([r.ContactId], ct);
            if (record is null && contact is not null)
            {
                contact.Decision = (int)r.ToDecision;
                if (r.Stream != ComplaintStream.Unspecified)
                {
                    contact.Stream = (int)r.Stream;
                }
                await OpenAsync(db, contact, ct);
            }
            else if (contact is null)
            {
                logger.LogWarning("Contact {ContactId} was upgraded to a complaint but its triage was never seen", r.ContactId);
            }
            return;
        }
        if (record is not null)
        {
            var c = record.Load();
            var on = state.Current.Calendars.LocalDate(r.ReclassifiedAt.ToDateTimeOffset());
            c.Reclassified(r.ToDecision.ToString(), on, actor);
            publisher.Publish(db, c, actor);
            record.Store(c);
            Audit(db, c.Id, actor, "ReclassifiedByTriage");
        }
    }

    private async Task OpenAsync(CaseWorkflowDbContext db, TriagedContactRecord t, CancellationToken ct)
    {
        // The inbox stops a redelivery; this stops a second triage event for the same contact.
        if (await db.Cases.AnyAsync(c => c.ContactId == t.ContactId, ct) || db.Cases.Local.Any(c => c.ContactId == t.ContactId))
        {
            return;
        }
        var stream = (ComplaintStream)t.Stream;
        if (stream == ComplaintStream.Unspecified)
        {
            logger.LogWarning("Contact {ContactId} triaged as a complaint without a stream; opened under the corporate procedure", t.ContactId);
            stream = ComplaintStream.Corporate;
        }
        var check = new Hosting.Errors.Validator();
        var directorate = t.ServiceAreaId.Length == 0 ? "" : new CouncilDirectoryLookup(state.Current.Configuration).DirectorateOf(t.ServiceAreaId, "service_area_id", check, inUseOnly: false);
        var actor = new Actor(t.TriagedBy.Length > 0 ? t.TriagedBy : "intake", "intake", rules.Now);
        var opened = Case.Open(Guid.CreateVersion7(), t.Reference, t.ContactId, t.PersonId, check.IsValid ? t.ServiceAreaId : "", directorate,
            t.ReceivedAt, fromIntake: true, rules.ForNewCase(stream), actor);
        publisher.Publish(db, opened, actor);
        var record = new CaseRecord();
        record.Store(opened);
        db.Cases.Add(record);
        Audit(db, opened.Id, actor, "OpenedFromTriage");
    }

    private static void Audit(CaseWorkflowDbContext db, Guid caseId, Actor actor, string action) =>
        db.CaseAudit.Add(new CaseAuditRecord { CaseId = caseId, At = actor.Now, OfficerId = actor.Id, Role = actor.Role, Action = action, Allowed = true });
}
