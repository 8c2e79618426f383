using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Ombudsman.V1;
using FeedEvent = ComplaintsPlatform.Common.V1.FeedEvent;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// OmbudsmanLiaison's reminders: one email to all the link officers (Notifications:LinkOfficerEmails)
/// per reminder, keyed by the reminder id so a redelivery sends nothing more.
/// </summary>
public sealed class OmbudsmanEventsHandler(
    IConfiguration configuration, CorrespondenceSignal signal, TimeProvider clock, ILogger<OmbudsmanEventsHandler> logger)
    : IFeedEventHandler<IntakeDbContext>
{
    public const string LinkOfficerEmailsKey = "Notifications:LinkOfficerEmails";

    public async Task HandleAsync(IntakeDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (!evt.Payload.Is(ReminderDue.Descriptor))
        {
            return;
        }
        var reminder = evt.Payload.Unpack<ReminderDue>();
        var requestId = "ombudsman:reminder:" + (reminder.ReminderId.Length > 0 ? reminder.ReminderId : evt.EventId);
        if (await CaseCorrespondence.ExistsAsync(db, requestId, ct))
        {
            return;
        }
        var emails = configuration.GetSection(LinkOfficerEmailsKey).Get<string[]>()?.Where(e => !string.IsNullOrWhiteSpace(e)).ToArray() ?? [];
        if (emails.Length == 0)
        {
            logger.LogWarning("Ombudsman reminder {ReminderId} not emailed: {Key} is empty", reminder.ReminderId, LinkOfficerEmailsKey);
            return;
        }
        DateOnly? due = ProtoDates.TryToDateOnly(reminder.DueOn, out var d) ? d : null;
        var what = CaseProgressProjection.Code(reminder.Kind).Replace('_', ' ').ToLowerInvariant();
        var facts = new Dictionary<string, string>
        {
            ["subject"] = $"Ombudsman reminder: {what} due{(due is { } day ? " " + CaseLetters.Day(day.ToString("yyyy-MM-dd")) : "")}",
            ["message"] = $"A deadline on an Ombudsman enquiry is near: {what}. It is in the link officers' queue in the complaints platform (enquiry {reminder.EnquiryId}).",
        };
        if (due is { } dueDay)
        {
            facts["due_date"] = CaseLetters.Day(dueDay.ToString("yyyy-MM-dd"))!;
        }
        db.Correspondence.Add(CorrespondenceDesk.ForStaff(emails, facts, requestId, null, null, due, clock.GetUtcNow().UtcDateTime));
        signal.Notify();
    }
}
