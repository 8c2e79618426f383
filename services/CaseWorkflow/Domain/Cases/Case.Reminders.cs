using System.Text.Json.Serialization;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// The deadline watcher's side of a case: which reminders are owed, and when the next one falls.
// Each deadline remembers the due date each reminder was sent for, so none is sent twice.
public sealed partial class Case
{
    /// <summary>The first day the watcher owes this case a reminder (the indexed next_reminder_on column); null when none.</summary>
    [JsonIgnore]
    public DateOnly? NextReminderOn => Deadlines.Where(d => IsLive(d) && d.Kind != ClockKind.EscalationWindow)
        .Select(d => d.DueSoonRemindedFor != d.Due ? (d.RemindOn == default ? d.Due : d.RemindOn)
            : d.OverdueRemindedFor != d.Due ? d.Due.AddDays(1) : (DateOnly?)null)
        .Min();

    /// <summary>The reminders owed on <paramref name="today"/>: each an event, a queue entry and one email to the officer.</summary>
    public IReadOnlyList<ReminderNote> Remind(CaseRules rules, Actor actor)
    {
        var today = rules.Today;
        var notes = new List<ReminderNote>();
        var missed = new List<Deadline>();
        foreach (var d in Deadlines.Where(d => IsLive(d) && d.Kind != ClockKind.EscalationWindow).ToList())
        {
            ReminderKind kind;
            if (today > d.Due && d.OverdueRemindedFor != d.Due)
            {
                // Found already overdue (e.g. imported late): the due-soon reminder is moot.
                kind = ReminderKind.Overdue;
                d.OverdueRemindedFor = d.Due;
                d.DueSoonRemindedFor = d.Due;
                missed.Add(d);
            }
            else if (today <= d.Due && today >= (d.RemindOn == default ? d.Due : d.RemindOn) && d.DueSoonRemindedFor != d.Due)
            {
                kind = ReminderKind.DueSoon;
                d.DueSoonRemindedFor = d.Due;
            }
            else
            {
                continue;
            }
            var note = new ReminderNote(Guid.CreateVersion7(), d.Stage, d.Kind, kind, d.Due, HandlerId);
            notes.Add(note);
            Record(actor, "REMINDER_SENT", today, $"{(kind == ReminderKind.Overdue ? "Overdue" : "Due soon")}: {d.Kind} at stage {d.Stage}, due {d.Due:yyyy-MM-dd}" +
                (HandlerId.Length == 0 ? " (unallocated: the complaints team's queue)" : $" (to {HandlerId})"));
            Raise(new ReminderDue
            {
                Header = Header(actor, today),
                OfficerId = HandlerId,
                Kind = d.Kind,
                Due = ToDate(d.Due),
                Overdue = kind == ReminderKind.Overdue,
                ReminderId = note.Id.ToString(),
            });
            if (kind == ReminderKind.Overdue && DelayTaskOwed(d, rules))
            {
                // The task to record why the response is late and when to expect it: recording it tells the person.
                notes.Add(new ReminderNote(Guid.CreateVersion7(), d.Stage, d.Kind, ReminderKind.RecordDelay, d.Due, HandlerId));
                Record(actor, "DELAY_TASK_SET", today, $"Response due {d.Due:yyyy-MM-dd} missed at stage {d.Stage}: " +
                    $"record the reason and the expected date to tell the person" + (HandlerId.Length == 0 ? " (the complaints team's queue)" : $" ({HandlerId})"));
            }
            if (HandlerId.Length > 0)
            {
                Letter("STAFF_REMINDER", d.Due, new()
                {
                    ["recipient"] = "OFFICER",
                    ["officer_id"] = HandlerId,
                    ["reminder_id"] = note.Id.ToString(),
                    ["reminder_kind"] = kind.ToString(),
                    ["clock"] = d.Kind.ToString(),
                    ["stage"] = d.Stage.ToString(),
                    ["due"] = Iso(d.Due),
                    ["reference"] = Reference,
                });
            }
        }
        // The agreed date and the backstop missed together: one letter to the person, not two.
        DelayNotice(missed, today, rules, actor);
        return notes;
    }

    public TimeEntryNote LogTime(int minutes, string activityCode, DateOnly? workedOn, CaseRules rules, Actor actor)
    {
        if (minutes is < 1 or > 24 * 60)
        {
            throw new Hosting.Errors.RuleViolationException("Time is logged in minutes, between 1 and a day's 1440.");
        }
        // Work after closure (remedies, learning) counts too.
        var on = When(workedOn, rules, notBefore: ReceivedOn, what: "receipt");
        var entry = new TimeEntryNote(Guid.CreateVersion7(), CurrentStage, DirectorateId, ServiceAreaId, actor.Id, minutes, activityCode, on);
        Record(actor, "TIME_LOGGED", on, $"{minutes} minutes of {activityCode} at stage {CurrentStage}");
        Raise(new OfficerTimeLogged
        {
            Header = Header(actor, on),
            EntryId = entry.Id.ToString(),
            OfficerId = actor.Id,
            Minutes = minutes,
            ActivityCode = activityCode,
            WorkedOn = ToDate(on),
            DirectorateId = DirectorateId,
            ServiceAreaId = ServiceAreaId,
        });
        return entry;
    }
}
