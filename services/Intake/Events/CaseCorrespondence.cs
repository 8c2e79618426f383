using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// Queues what CaseWorkflow asks for on its feed, inside the consumer's transaction: a letter to the
/// person, or one reminder email to an officer. Nothing here calls CaseWorkflow: a letter's words are
/// fetched by the dispatcher when it sends (see <see cref="CaseLetterWords"/>), so the feed never waits
/// on CaseWorkflow. The request id is unique, so a redelivered event queues nothing twice.
/// </summary>
public sealed class CaseCorrespondence(
    OfficerDirectory officers,
    CorrespondenceSignal signal,
    TimeProvider clock,
    ILogger<CaseCorrespondence> logger)
{
    public async Task QueueLetterAsync(IntakeDbContext db, CorrespondenceRequested request, CancellationToken ct)
    {
        var requestId = "caseworkflow:" + request.RequestId;
        if (!Guid.TryParse(request.ContactId, out var contactId) || await ExistsAsync(db, requestId, ct))
        {
            return;
        }
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            logger.LogWarning("Letter {RequestId} is for contact {ContactId}, unknown here; not sent", request.RequestId, request.ContactId);
            return;
        }
        if (CaseLetters.TemplateFor(request.TemplateCode) is not { } template)
        {
            logger.LogWarning("Letter {RequestId} has template {TemplateCode}, which Intake has no template for", request.RequestId, request.TemplateCode);
            return;
        }
        DateOnly? deadline = ProtoDates.TryToDateOnly(request.Deadline, out var d) ? d : null;
        var letter = CorrespondenceDesk.ForContact(contact, template, request.Facts, requestId,
            NullIfEmpty(request.CaseId), deadline, clock.GetUtcNow().UtcDateTime,
            await CorrespondenceDesk.RegisteredAdjustmentsAsync(db, contact.PersonId, ct));
        letter.CaseLetterCode = request.TemplateCode;
        letter.CaseLetterRequestId = request.RequestId;
        db.Correspondence.Add(letter);
        signal.Notify();
    }

    public async Task QueueReminderAsync(IntakeDbContext db, ReminderDue reminder, string eventId, CancellationToken ct)
    {
        var requestId = "caseworkflow:reminder:" + eventId;
        if (await ExistsAsync(db, requestId, ct))
        {
            return;
        }
        var officer = reminder.OfficerId.Length > 0 ? await officers.FindAsync(reminder.OfficerId, ct) : null;
        var email = officer?.Email;
        if (string.IsNullOrEmpty(email))
        {
            // No personal address: the officer's team, or else the team the case is allocated to.
            var teamIds = officer?.TeamIds.ToList() ?? [];
            if (Guid.TryParse(reminder.Header.ContactId, out var contactId)
                && await db.CaseProgress.Where(p => p.ContactId == contactId).Select(p => p.TeamId).SingleOrDefaultAsync(ct) is { } caseTeam)
            {
                teamIds.Add(caseTeam);
            }
            var emails = await db.Teams.Where(t => teamIds.Contains(t.Id) && t.Email != null).ToDictionaryAsync(t => t.Id, t => t.Email!, ct);
            email = teamIds.Select(emails.GetValueOrDefault).FirstOrDefault(e => !string.IsNullOrEmpty(e));
        }
        if (string.IsNullOrEmpty(email))
        {
            logger.LogWarning("Reminder for officer {OfficerId} on case {CaseId} has no address to go to", reminder.OfficerId, reminder.Header.CaseId);
            return;
        }
        DateOnly? due = ProtoDates.TryToDateOnly(reminder.Due, out var d) ? d : null;
        var what = reminder.Kind switch
        {
            ClockKind.Acknowledge => "acknowledgement",
            ClockKind.Respond => "response",
            ClockKind.EscalationWindow => "escalation window",
            _ => "deadline",
        };
        var reference = reminder.Header.Reference;
        var facts = new Dictionary<string, string>
        {
            ["subject"] = $"{(reminder.Overdue ? "Overdue" : "Reminder")}: {what} on complaint {reference}",
            ["message"] = $"The {what} on complaint {reference} (stage {reminder.Header.Stage}) "
                + (reminder.Overdue ? "is overdue." : "is due soon.") + " It is in your queue in the complaints platform.",
            ["case_id"] = reminder.Header.CaseId,
        };
        if (due is { } day)
        {
            facts["due_date"] = CaseLetters.Day(day.ToString("yyyy-MM-dd"))!;
        }
        db.Correspondence.Add(CorrespondenceDesk.ForStaff(email, facts, requestId, NullIfEmpty(reminder.Header.CaseId),
            NullIfEmpty(reference), null, clock.GetUtcNow().UtcDateTime));
        signal.Notify();
    }

    internal static Task<bool> ExistsAsync(IntakeDbContext db, string requestId, CancellationToken ct) =>
        db.Correspondence.AnyAsync(m => m.RequestId == requestId, ct);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
