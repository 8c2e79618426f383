using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Consumers;
using Microsoft.EntityFrameworkCore;
using FeedEvent = ComplaintsPlatform.Common.V1.FeedEvent;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// A "compliment" that Compliments found to be a complaint or a request comes back to the triage
/// queue with what it really is suggested, recorded as Compliments' act. Triage then proceeds as
/// usual (ContactTriaged). Only a contact still triaged as a compliment moves, so a repeat changes nothing.
/// </summary>
public sealed class ComplimentsEventsHandler(TimeProvider clock, ILogger<ComplimentsEventsHandler> logger) : IFeedEventHandler<IntakeDbContext>
{
    public async Task HandleAsync(IntakeDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (!evt.Payload.Is(ComplimentSentBackToTriage.Descriptor))
        {
            return;
        }
        var sentBack = evt.Payload.Unpack<ComplimentSentBackToTriage>();
        var suggested = sentBack.ReasonCode switch
        {
            "IS_COMPLAINT" => TriageDecision.Complaint,
            "IS_SERVICE_REQUEST" => TriageDecision.ServiceRequest,
            _ => TriageDecision.Unspecified,
        };
        if (!Guid.TryParse(sentBack.ContactId, out var id) || suggested == TriageDecision.Unspecified)
        {
            logger.LogWarning("Compliment {ComplimentId} sent back with contact {ContactId} and reason {ReasonCode}: ignored",
                sentBack.ComplimentId, sentBack.ContactId, sentBack.ReasonCode);
            return;
        }
        // Locked like an officer's triage, so the two cannot interleave.
        var contact = await db.Contacts.FromSql($"SELECT * FROM intake.contacts WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (contact is null || contact.Decision != (int)TriageDecision.Compliment)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        contact.Decision = (int)TriageDecision.Unspecified;
        contact.Stream = 0;
        contact.SuggestedDecision = (int)suggested;
        contact.UpdatedAt = now;
        db.TriageEntries.Add(new TriageEntry
        {
            Id = Guid.CreateVersion7(),
            ContactId = contact.Id,
            Decision = (int)TriageDecision.Unspecified,
            ReplacedDecision = (int)TriageDecision.Compliment,
            ReasonCode = sentBack.ReasonCode,
            Reason = $"Sent back to triage by Compliments (compliment {sentBack.ComplimentId}): {sentBack.ReasonCode}",
            DecidedBy = "compliments:" + sentBack.SentBackBy,
            DecidedAt = sentBack.SentBackAt?.ToDateTime() ?? now,
        });
    }
}
