using ComplaintsPlatform.Calendar;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// After a public interest report the council gives public notice within 2 weeks, keeps the report
/// available for 3 weeks from the notice, and tells the Ombudsman what it will do within 3 months: calendar periods
/// from the date the report was issued, not working days.
/// </summary>
public sealed record PublicInterestReportDeadlines(DateOnly IssuedOn, DateOnly PublicNoticeDueOn, DateOnly AvailableUntil, DateOnly ResponseDueOn)
{
    public static PublicInterestReportDeadlines From(DateOnly issuedOn) => new(
        issuedOn,
        CalendarPeriods.AddWeeks(issuedOn, 2),
        CalendarPeriods.AddWeeks(CalendarPeriods.AddWeeks(issuedOn, 2), 3),
        CalendarPeriods.AddMonths(issuedOn, 3));

    /// <summary>The three weeks run from the day notice was actually given.</summary>
    public static DateOnly AvailableUntilAfterNotice(DateOnly noticeGivenOn) => CalendarPeriods.AddWeeks(noticeGivenOn, 3);
}
