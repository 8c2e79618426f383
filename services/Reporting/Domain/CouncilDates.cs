using ComplaintsPlatform.Calendar;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>Instants to council-local dates, and working days between two dates.</summary>
public sealed class CouncilDates
{
    private readonly WorkingDayCalendar _calendar = new(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales));

    public static DateOnly LocalDate(DateTimeOffset instant, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(timeZone) ? "Europe/London" : timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>Working days after <paramref name="from"/> up to <paramref name="to"/>; weekdays only outside the bank-holiday data.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }
        if (from >= _calendar.CoveredFrom && to <= _calendar.CoveredTo)
        {
            return _calendar.WorkingDaysBetween(from, to);
        }
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            days += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }
        return days;
    }
}
