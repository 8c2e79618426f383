namespace ComplaintsPlatform.Reporting.Events;

internal static class DateExtensions
{
    public static bool IsSet(this Google.Type.Date? date) => date is { Year: > 0 };
}
