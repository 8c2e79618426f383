namespace ComplaintsPlatform.Reporting.Events;

internal static class DateExtensions
{
    public static DateOnly ToDateOnly(this Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    public static bool IsSet(this Google.Type.Date? date) => date is { Year: > 0 };
}
