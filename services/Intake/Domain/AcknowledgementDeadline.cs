using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// When a contact waiting for triage must be acknowledged. Its stream is not decided yet, so the
/// triage queue counts down to the shortest acknowledgement limit of any stream's policy, in working
/// days from receipt (after close of business counts from the next working day).
/// </summary>
public sealed record AcknowledgementDeadline(int WorkingDays, ComplaintStream Stream)
{
    /// <summary>
    /// The shortest of the policies' limits (the first stream on a tie); until CaseWorkflow has
    /// published any, <paramref name="defaultWorkingDays"/> for no stream in particular.
    /// </summary>
    public static AcknowledgementDeadline Shortest(IEnumerable<(ComplaintStream Stream, int WorkingDays)> limits, int defaultWorkingDays) =>
        limits.OrderBy(l => l.WorkingDays).ThenBy(l => l.Stream).Select(l => new AcknowledgementDeadline(l.WorkingDays, l.Stream)).FirstOrDefault()
            ?? new AcknowledgementDeadline(defaultWorkingDays, ComplaintStream.Unspecified);

    /// <summary>The council's working days as the stream counts them: a statutory stream's regulations ignore its closure days.</summary>
    public WorkingDayCalendar CalendarFrom(CouncilClock clock) => clock.Calendar(StatuteRule.For(Stream));

    /// <summary>The date a contact received at <paramref name="receivedAt"/> is due, and the working days left from today (none once due).</summary>
    public (DateOnly? Due, int WorkingDaysLeft) For(DateTimeOffset receivedAt, DateOnly today, WorkingDayCalendar calendar)
    {
        try
        {
            var due = calendar.AddWorkingDays(receivedAt, WorkingDays);
            return (due, Math.Max(0, calendar.WorkingDaysBetween(today, due)));
        }
        catch (CalendarRangeException)
        {
            // Received before the calendar's data begins: long overdue.
            return (null, 0);
        }
    }
}
