namespace ComplaintsPlatform.Calendar;

/// <summary>A council's own calendar choices, on top of its division's bank holidays.</summary>
public sealed record CouncilCalendarSettings(Division Division)
{
    public string TimeZoneId { get; init; } = "Europe/London";

    /// <summary>Receipt at or after this local time counts as receipt on the next working day.</summary>
    public TimeOnly CloseOfBusiness { get; init; } = new(17, 0);

    /// <summary>Days the council is closed (e.g. 27–31 December); none by default.</summary>
    public IReadOnlyList<DateOnly> ClosureDays { get; init; } = [];

    /// <summary>Further days a statute excludes for this council, beyond its <see cref="StatuteRule"/>.</summary>
    public IReadOnlyList<DateOnly> ExtraStatuteExclusions { get; init; } = [];

    /// <summary>The same run of days in each year, e.g. <c>DaysEachYear(2024, 2030, 12, 27, 31)</c> for a Christmas closure.</summary>
    public static IReadOnlyList<DateOnly> DaysEachYear(int firstYear, int lastYear, int month, int fromDay, int toDay) =>
        [.. from year in Enumerable.Range(firstYear, lastYear - firstYear + 1)
            from day in Enumerable.Range(fromDay, toDay - fromDay + 1)
            select new DateOnly(year, month, day)];
}
