using System.Text.Json;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;

namespace ComplaintsPlatform.CaseWorkflow.Events;

/// <summary>
/// Stages what a case raised, in the caller's transaction: its events on the feed, and each letter as
/// a CorrespondenceRequested event (template, ids, codes, dates) with its words kept in our own table.
/// </summary>
public sealed class CasePublisher(IOutbox outbox)
{
    public void Publish(CaseWorkflowDbContext db, Case c, Actor actor)
    {
        foreach (var message in c.PendingEvents)
        {
            outbox.Add(db, message);
        }
        foreach (var letter in c.PendingLetters)
        {
            db.Correspondence.Add(new CorrespondenceRecord
            {
                RequestId = letter.RequestId,
                CaseId = c.Id,
                TemplateCode = letter.TemplateCode,
                Texts = JsonSerializer.Serialize(letter.Texts),
                RecordedAt = actor.Now,
            });
            outbox.Add(db, new CorrespondenceRequested
            {
                RequestId = letter.RequestId.ToString(),
                TemplateCode = letter.TemplateCode,
                CaseId = c.Id.ToString(),
                ContactId = c.ContactId,
                Facts = { letter.Facts.ToDictionary() },
                Deadline = letter.Deadline is { } d ? Case.ToDate(d) : null,
                Header = c.Header(actor, DateOnly.FromDateTime(actor.Now.UtcDateTime)),
            });
        }
        c.ClearPending();
    }
}
