namespace ComplaintsPlatform.Calendar;

// Explanations walk the days they describe; they are for people and audit, not the hot path,
// and always agree with the O(1) answer because they call it.
public sealed partial class WorkingDayCalendar
{
    public DeadlineExplanation ExplainAddWorkingDays(DateTimeOffset receiptInstant, int workingDays)
    {
        var due = AddWorkingDays(receiptInstant, workingDays);
        var local = TimeZoneInfo.ConvertTime(receiptInstant, _timeZone);
        var receiptDay = DateOnly.FromDateTime(local.DateTime);
        var effective = ReceivedOn(receiptInstant);
        var afterClose = TimeOnly.FromDateTime(local.DateTime) >= Settings.CloseOfBusiness;

        string reason;
        if (!IsWorkingDay(receiptDay))
            reason = $"received on a non-working day ({WhyNotWorking(receiptDay)!.Description}), so counted as received on the next working day";
        else if (afterClose)
            reason = $"received at {local:HH:mm} {Settings.TimeZoneId}, at or after close of business ({Settings.CloseOfBusiness:HH:mm}), so counted as received on the next working day";
        else
            reason = $"received on a working day before close of business ({Settings.CloseOfBusiness:HH:mm} {Settings.TimeZoneId})";

        return new DeadlineExplanation(receiptInstant, receiptDay, effective, reason,
            NonWorkingDaysIn(receiptDay, effective.AddDays(-1)), workingDays, due,
            NonWorkingDaysIn(effective.AddDays(1), due), Version, Division, Statute.Name, Statute.WorkingDayRule);
    }

    public DeadlineExplanation ExplainAddWorkingDays(DateOnly start, int workingDays)
    {
        var due = AddWorkingDays(start, workingDays);
        var (first, last) = due >= start ? (start.AddDays(1), due) : (due, start.AddDays(-1));
        return new DeadlineExplanation(null, start, start, "the clock starts from a date; counting begins the day after it",
            [], workingDays, due, NonWorkingDaysIn(first, last), Version, Division, Statute.Name, Statute.WorkingDayRule);
    }

    /// <summary>Every non-working day from <paramref name="first"/> to <paramref name="last"/> inclusive, with its reasons.</summary>
    public IReadOnlyList<NonWorkingDay> NonWorkingDaysIn(DateOnly first, DateOnly last)
    {
        var days = new List<NonWorkingDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (WhyNotWorking(date) is { } day)
                days.Add(day);
        }
        return days;
    }
}
