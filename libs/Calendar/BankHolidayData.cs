using System.Security.Cryptography;
using System.Text;

namespace ComplaintsPlatform.Calendar;

/// <summary>
/// A validated set of UK bank holidays in the gov.uk feed's shape, with the range it covers and a
/// version that deadlines record so they can be defended (and recomputed) later.
/// </summary>
public sealed class BankHolidayData
{
    private const string ResourceName = "ComplaintsPlatform.Calendar.bank-holidays.json";
    private static readonly Lazy<BankHolidayData> _shipped = new(LoadShipped);
    private readonly Dictionary<Division, IReadOnlyList<BankHoliday>> _events;

    internal BankHolidayData(Dictionary<Division, IReadOnlyList<BankHoliday>> events, DateOnly coveredFrom, DateOnly coveredTo)
    {
        _events = events;
        CoveredFrom = coveredFrom;
        CoveredTo = coveredTo;
        Version = $"{coveredFrom:yyyy-MM-dd}..{coveredTo:yyyy-MM-dd}/sha256:{Fingerprint(events)}";
    }

    /// <summary>The copy embedded in this assembly (refreshed with tools/CalendarRefresh).</summary>
    public static BankHolidayData Shipped => _shipped.Value;

    /// <summary>First day with complete data in every division (1 January).</summary>
    public DateOnly CoveredFrom { get; }

    /// <summary>Last day with complete data in every division (31 December).</summary>
    public DateOnly CoveredTo { get; }

    /// <summary>Covered range plus a SHA-256 prefix of the normalised dates, e.g. <c>2010-01-01..2030-12-31/sha256:1a2b3c4d5e6f</c>.</summary>
    public string Version { get; }

    public IReadOnlyList<BankHoliday> For(Division division) => _events[division];

    /// <summary>Reads and validates a file in the gov.uk bank-holidays JSON format.</summary>
    /// <exception cref="BankHolidayDataException">The content is not a complete, sorted gov.uk file.</exception>
    public static BankHolidayData Load(Stream json) => BankHolidayJsonReader.Read(json);

    public static BankHolidayData LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Dates added to or removed from <paramref name="older"/>, per division, in date order.</summary>
    public IReadOnlyList<BankHolidayChange> ChangesSince(BankHolidayData older)
    {
        var changes = new List<BankHolidayChange>();
        foreach (var division in DivisionKeys.All)
        {
            var before = older.For(division).ToDictionary(e => e.Date);
            var after = For(division).ToDictionary(e => e.Date);
            changes.AddRange(after.Values.Where(e => !before.ContainsKey(e.Date)).Select(e => new BankHolidayChange(division, e.Date, e.Title, Added: true)));
            changes.AddRange(before.Values.Where(e => !after.ContainsKey(e.Date)).Select(e => new BankHolidayChange(division, e.Date, e.Title, Added: false)));
        }
        return [.. changes.OrderBy(c => c.Division).ThenBy(c => c.Date)];
    }

    public void WriteTo(Stream stream) => BankHolidayJsonWriter.Write(stream, For);

    /// <summary>
    /// This (newer) data laid over <paramref name="older"/>: each division takes this data's events
    /// for every year this data lists and keeps the older events for other years. The official feed
    /// only spans about ten years, so a plain replacement would drop years deadlines still need.
    /// </summary>
    public BankHolidayData MergedOver(BankHolidayData older) => BankHolidayJsonWriter.Build(division =>
    {
        var years = For(division).Select(e => e.Date.Year).ToHashSet();
        return [.. older.For(division).Where(e => !years.Contains(e.Date.Year)).Concat(For(division)).OrderBy(e => e.Date)];
    });

    private static BankHolidayData LoadShipped()
    {
        using var stream = typeof(BankHolidayData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new BankHolidayDataException($"The embedded resource {ResourceName} is missing from the build.");
        return Load(stream);
    }

    // Only the dates count towards the version: a retitled holiday cannot move a deadline.
    private static string Fingerprint(Dictionary<Division, IReadOnlyList<BankHoliday>> events)
    {
        var text = new StringBuilder();
        foreach (var division in DivisionKeys.All)
        {
            text.Append(division.ToGovUkKey()).Append('\n');
            foreach (var e in events[division])
                text.Append(e.Date.ToString("yyyy-MM-dd")).Append('\n');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..12];
    }
}

public sealed record BankHolidayChange(Division Division, DateOnly Date, string Title, bool Added);
