using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// Every fact carries the date it happened: late logging and migrated history give past dates, but
/// never a future one and never one before the enquiry was received.
/// </summary>
public static class FactDates
{
    public static DateOnly? Read(Google.Type.Date? date, string field, Validator v, bool required = true)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            if (required)
            {
                v.Add(field, "is required");
            }
            return null;
        }
        if (ProtoDates.TryToDateOnly(date, out var value))
        {
            return value;
        }
        v.Add(field, "is not a valid date");
        return null;
    }

    /// <summary>A date something happened: not after today, not before <paramref name="notBefore"/>.</summary>
    public static DateOnly? Happened(Google.Type.Date? date, string field, Validator v, DateOnly today, DateOnly? notBefore = null)
    {
        var value = Read(date, field, v);
        if (value is { } d)
        {
            if (d > today)
            {
                v.Add(field, "must not be in the future");
            }
            if (notBefore is { } earliest && d < earliest)
            {
                v.Add(field, $"must not be before {earliest:yyyy-MM-dd}");
            }
        }
        return value;
    }

    public static Google.Type.Date? ToProto(DateOnly? date) => ProtoDates.ToProto(date);
}
