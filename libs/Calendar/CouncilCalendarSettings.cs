using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.Calendar;

/// <summary>A council's own calendar choices, on top of its division's bank holidays.</summary>
public sealed record CouncilCalendarSettings(Division Division)
{
    /// <summary>The zone of a council that has not said otherwise: every UK council keeps UK time.</summary>
    public const string DefaultTimeZoneId = "Europe/London";

    /// <summary>Until CaseWorkflow has announced the council's own: England and Wales, UK time, 17:00, no closures.</summary>
    public static readonly CouncilCalendarSettings Default = new(Division.EnglandAndWales);

    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Receipt at or after this local time counts as receipt on the next working day.</summary>
    public TimeOnly CloseOfBusiness { get; init; } = new(17, 0);

    /// <summary>Days the council is closed (e.g. 27–31 December); none by default.</summary>
    public IReadOnlyList<DateOnly> ClosureDays { get; init; } = [];

    /// <summary>Further days a statute excludes for this council, beyond its <see cref="StatuteRule"/>.</summary>
    public IReadOnlyList<DateOnly> ExtraStatuteExclusions { get; init; } = [];

    /// <summary>The council's settings as CaseWorkflow configures and publishes them; unset parts take the defaults.</summary>
    public static CouncilCalendarSettings From(CouncilSettings? council) => council is null ? Default : new(council.Division switch
    {
        CaseWorkflow.V1.Division.Scotland => Division.Scotland,
        CaseWorkflow.V1.Division.NorthernIreland => Division.NorthernIreland,
        _ => Division.EnglandAndWales,
    })
    {
        TimeZoneId = string.IsNullOrEmpty(council.TimeZone) ? DefaultTimeZoneId : council.TimeZone,
        CloseOfBusiness = string.IsNullOrEmpty(council.CloseOfBusiness) ? Default.CloseOfBusiness
            : TimeOnly.ParseExact(council.CloseOfBusiness, "HH:mm", CultureInfo.InvariantCulture),
        ClosureDays = [.. council.ClosureDays.Select(d => d.ToDateOnly()).Order()],
    };

    /// <summary>
    /// The settings as a service keeps them: the division by its gov.uk key (england-and-wales,
    /// scotland, northern-ireland), the zone's id, close of business as HH:mm, the closure days.
    /// </summary>
    public static CouncilCalendarSettings From(string division, string timeZoneId, string closeOfBusiness, IEnumerable<DateOnly> closureDays) =>
        new(DivisionKeys.FromGovUkKey(division))
        {
            TimeZoneId = string.IsNullOrEmpty(timeZoneId) ? DefaultTimeZoneId : timeZoneId,
            CloseOfBusiness = TimeOnly.ParseExact(closeOfBusiness, "HH:mm", CultureInfo.InvariantCulture),
            ClosureDays = [.. closureDays.Order()],
        };

    /// <summary>Close of business as kept and published (HH:mm).</summary>
    public string CloseOfBusinessText => CloseOfBusiness.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>True when this machine knows the zone (an unknown one would fail every conversion).</summary>
    public static bool IsKnownTimeZone(string? id) => CouncilTime.IsKnownZone(id);

    /// <summary>The same run of days in each year, e.g. <c>DaysEachYear(2024, 2030, 12, 27, 31)</c> for a Christmas closure.</summary>
    public static IReadOnlyList<DateOnly> DaysEachYear(int firstYear, int lastYear, int month, int fromDay, int toDay) =>
        [.. from year in Enumerable.Range(firstYear, lastYear - firstYear + 1)
            from day in Enumerable.Range(fromDay, toDay - fromDay + 1)
            select new DateOnly(year, month, day)];

    // A SHA-256 prefix of what can move a date: division, zone, close of business, closure days.
    internal string Digest()
    {
        var text = $"{Division}|{TimeZoneId}|{CloseOfBusinessText}|" +
            string.Join(',', ClosureDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }
}
