namespace ComplaintsPlatform.Intake.Domain;

internal static class ProtoDates
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    public static bool TryToDateOnly(Google.Type.Date? date, out DateOnly value)
    {
        value = default;
        if (date is null || date.Year < 1 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return false;
        }
        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }

    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;
}
