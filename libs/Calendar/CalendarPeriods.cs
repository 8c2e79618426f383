namespace ComplaintsPlatform.Calendar;

/// <summary>
/// Calendar (not working-day) periods: the 12-month limits, the 6-month adult backstop and the
/// public-interest-report weeks and months. Results are not moved to a working day; a policy that
/// wants that applies <see cref="WorkingDayCalendar.NextWorkingDayOnOrAfter"/> explicitly.
/// </summary>
public static class CalendarPeriods
{
    /// <summary>
    /// The same day-of-month <paramref name="months"/> later, clamped to the month's last day when
    /// that day does not exist: 31 Jan + 1 month = 28 Feb (29 Feb in a leap year); 31 Aug + 6 months
    /// = 28/29 Feb; 29 Feb 2024 + 12 months = 28 Feb 2025.
    /// </summary>
    public static DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    public static DateOnly AddWeeks(DateOnly date, int weeks) => date.AddDays(checked(7 * weeks));
}
