namespace ComplaintsPlatform.Calendar;

/// <summary>
/// A date the calendar has no bank-holiday data for. Deadlines there are refused rather than
/// computed as if the period had no holidays, which would silently shorten them.
/// </summary>
public sealed class CalendarRangeException(DateOnly date, DateOnly coveredFrom, DateOnly coveredTo, string? detail = null)
    : Exception($"{date:yyyy-MM-dd} is outside the working-day calendar's covered range {coveredFrom:yyyy-MM-dd} to {coveredTo:yyyy-MM-dd}"
        + (detail is null ? "." : $" ({detail}).") + " Refresh the bank-holiday data to extend it.")
{
    public DateOnly Date { get; } = date;
    public DateOnly CoveredFrom { get; } = coveredFrom;
    public DateOnly CoveredTo { get; } = coveredTo;
}
