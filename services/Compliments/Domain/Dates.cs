namespace ComplaintsPlatform.Compliments.Domain;

public static class Dates
{
    public static Google.Type.Date ToProto(this DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    /// <summary>The date, or null when it is not a real calendar date (0000-00-00 means "not given").</summary>
    public static DateOnly? ToDateOnly(this Google.Type.Date? d) =>
        d is not null && d.Year is >= 1 and <= 9999 && d.Month is >= 1 and <= 12 && d.Day >= 1 && d.Day <= DateTime.DaysInMonth(d.Year, d.Month)
            ? new DateOnly(d.Year, d.Month, d.Day)
            : null;

    /// <summary>The council's own date of an instant ("received on" in Europe/London, not UTC).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
