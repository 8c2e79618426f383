using System.Security.Cryptography;
using System.Text;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using Division = ComplaintsPlatform.CaseWorkflow.V1.Division;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

/// <summary>
/// The working-day calendars deadlines are computed with: the shipped bank-holiday data plus the
/// council's settings, and the children's regulations' own working day for that stream.
/// </summary>
public sealed class CouncilCalendars(BankHolidayData data, CouncilSettings council)
{
    private readonly WorkingDayCalendar _standard = new(data, ToCalendarSettings(council), StatuteRule.BankHolidaysOnly);
    private readonly WorkingDayCalendar _children = new(data, ToCalendarSettings(council), StatuteRule.ChildrensSocialCare2006);

    /// <summary>Bank-holiday data version plus a digest of the council's calendar settings; recorded with every deadline.</summary>
    public string Version { get; } = VersionOf(data, council);

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(council.TimeZone);

    public WorkingDayCalendar For(ComplaintStream stream) =>
        stream == ComplaintStream.ChildrenSocialCare ? _children : _standard;

    public static string VersionOf(BankHolidayData data, CouncilSettings council)
    {
        var settings = $"{council.Division}|{council.TimeZone}|{council.CloseOfBusiness}|" +
            string.Join(',', council.ClosureDays.Select(d => $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}").Order());
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))[..12];
        return $"{data.Version}/council:{digest}";
    }

    private static CouncilCalendarSettings ToCalendarSettings(CouncilSettings council) => new(ToDivision(council.Division))
    {
        TimeZoneId = council.TimeZone,
        CloseOfBusiness = TimeOnly.Parse(council.CloseOfBusiness, System.Globalization.CultureInfo.InvariantCulture),
        ClosureDays = [.. council.ClosureDays.Select(d => new DateOnly(d.Year, d.Month, d.Day))],
    };

    private static Calendar.Division ToDivision(Division division) => division switch
    {
        Division.EnglandAndWales => Calendar.Division.EnglandAndWales,
        Division.Scotland => Calendar.Division.Scotland,
        Division.NorthernIreland => Calendar.Division.NorthernIreland,
        _ => throw new ArgumentOutOfRangeException(nameof(division), division, "The council's division is not set."),
    };
}
