using Date = Google.Type.Date;

namespace ComplaintsPlatform.Calendar;

/// <summary>
/// <c>google.type.Date</c> to and from <see cref="DateOnly"/>: a calendar date on both sides, so no
/// time zone is involved (for instants, see <see cref="CouncilClock"/>). 0000-00-00 means not given.
/// </summary>
public static class ProtoDates
{
    /// <summary>False when the date is not given or not a real calendar date (2026-02-30).</summary>
    public static bool TryToDateOnly(Date? date, out DateOnly value)
    {
        value = default;
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return false;
        }
        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }

    /// <summary>The date, or null when it is not given or not a real calendar date.</summary>
    public static DateOnly? ToDateOnlyOrNull(this Date? date) => TryToDateOnly(date, out var d) ? d : null;

    /// <summary>A date a producer guarantees (an event's); anything else is a bug, and throws.</summary>
    public static DateOnly ToDateOnly(this Date date) => TryToDateOnly(date, out var d) ? d
        : throw new ArgumentException($"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date.", nameof(date));

    public static Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Date? ToProto(this DateOnly? date) => date is { } d ? d.ToProto() : null;
}
