using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Reporting.Data;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// The council's clock as CaseWorkflow last announced it (the defaults until then): instants to
/// council-local dates, and working days between two dates.
/// </summary>
public sealed class CouncilDates(CouncilClocks clocks)
{
    /// <summary>The clock of the council row this unit of work sees (a change applied in it included).</summary>
    public async Task<CouncilClock> ClockAsync(ReportingDbContext db, CancellationToken ct) =>
        await db.Facts.CouncilAsync(ct) is { } council
            ? clocks.For(CouncilCalendarSettings.From(council.Division, council.TimeZone, council.CloseOfBusiness, council.ClosureDays))
            : clocks.Default;

    /// <summary>Working days after <paramref name="from"/> up to <paramref name="to"/>; weekdays only outside the bank-holiday data.</summary>
    public static int WorkingDaysBetween(CouncilClock clock, DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }
        var calendar = clock.WorkingDays;
        if (from >= calendar.CoveredFrom && to <= calendar.CoveredTo)
        {
            return calendar.WorkingDaysBetween(from, to);
        }
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            days += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }
        return days;
    }
}
