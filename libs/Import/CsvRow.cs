using System.Globalization;
using ComplaintsPlatform.Common.V1;

namespace ComplaintsPlatform.Import;

/// <summary>
/// One data row. Typed getters never throw: a bad or missing value is added to <see cref="Errors"/>
/// with its column and reason, and a default is returned, so every fault in a row is reported at once.
/// An empty cell is "not given".
/// </summary>
public sealed class CsvRow(CsvHeader header, IReadOnlyList<string> fields, int line)
{
    private readonly List<ImportRowError> _errors = [];

    public int Line { get; } = line;

    public CsvHeader Header { get; } = header;

    public IReadOnlyList<ImportRowError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public void Fail(string column, string reason) =>
        _errors.Add(new ImportRowError { Line = Line, Column = column, Reason = reason });

    /// <summary>The trimmed cell, or null when the column is absent or the cell empty.</summary>
    public string? Optional(string column)
    {
        var i = Header.IndexOf(column);
        if (i < 0 || i >= fields.Count)
        {
            return null;
        }
        var value = fields[i].Trim();
        return value.Length == 0 ? null : value;
    }

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Fail(column, "is required");
        }
        return value ?? "";
    }

    public string? Text(string column, int maxLength, bool required = false)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is not null && value.Length > maxLength)
        {
            Fail(column, $"is longer than {maxLength} characters");
        }
        return value;
    }

    /// <summary>An ISO date (yyyy-MM-dd) or the UK form (dd/MM/yyyy) spreadsheets export.</summary>
    public DateOnly? Date(string column, bool required = false)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null || value.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Fail(column, $"'{value}' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
        return null;
    }

    /// <summary>
    /// When something happened: an ISO instant with offset, a local date-time, or a date alone, read in
    /// the council's time zone. A date alone means that working day (taken at 09:00 local), so it is
    /// never moved to the next day by a working-hours rule.
    /// </summary>
    public DateTimeOffset? Instant(string column, TimeZoneInfo zone, bool required = false)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null || value.Length == 0)
        {
            return null;
        }
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 9))
        {
            return withOffset.ToUniversalTime();
        }
        if (DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ToUtc(local, zone);
        }
        var date = Date(column);
        return date is null ? null : ToUtc(date.Value.ToDateTime(new TimeOnly(9, 0)), zone);
    }

    /// <summary>A protobuf enum by its name, with or without the type prefix (FINDING_UPHELD or UPHELD).</summary>
    public TEnum? Enum<TEnum>(string column, string prefix, bool required = false) where TEnum : struct, System.Enum
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null || value.Length == 0)
        {
            return null;
        }
        var name = value.ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
        foreach (var (original, candidate) in ProtoEnumNames<TEnum>.Values)
        {
            if (original == name || original == prefix + name)
            {
                return candidate;
            }
        }
        Fail(column, $"'{value}' is not one of {string.Join(", ", ProtoEnumNames<TEnum>.Values.Select(v => v.Name.StartsWith(prefix, StringComparison.Ordinal) ? v.Name[prefix.Length..] : v.Name))}");
        return null;
    }

    /// <summary>Money as whole pence: "1250", or pounds with pence "12.50" / "£12.50"; never a fraction of a penny.</summary>
    public long? Pence(string column, bool required = false)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null || value.Length == 0)
        {
            return null;
        }
        var text = value.TrimStart('£').Replace(",", "");
        if (!text.Contains('.') && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pence))
        {
            return pence;
        }
        var parts = text.Split('.');
        if (parts.Length == 2 && parts[1].Length is 1 or 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pounds)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            return checked(pounds * 100 + (parts[1].Length == 1 ? p * 10 : p));
        }
        Fail(column, $"'{value}' is not an amount in pence (1250) or pounds (12.50)");
        return null;
    }

    public int? Integer(string column, int min, int max, bool required = false)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null || value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        Fail(column, $"'{value}' is not a whole number from {min} to {max}");
        return null;
    }

    public bool? Boolean(string column)
    {
        var value = Optional(column);
        switch (value?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "y" or "1": return true;
            case "false" or "no" or "n" or "0": return false;
            default:
                Fail(column, $"'{value}' is not yes or no");
                return null;
        }
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }
}
