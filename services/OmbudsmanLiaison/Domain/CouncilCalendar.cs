using System.Globalization;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// The council's working-day calendar, built from the settings CaseWorkflow last announced
/// (England &amp; Wales, Europe/London, 17:00 until the first announcement). Cached per version,
/// read from the database so every replica follows a change applied by another.
/// </summary>
public sealed class CouncilCalendar(BankHolidayData bankHolidays, TimeProvider clock)
{
    private volatile Current? _cached;

    public sealed record Current(string Version, WorkingDayCalendar Calendar, TimeZoneInfo TimeZone, IReadOnlyList<string> DirectorateIds);

    public BankHolidayData BankHolidays => bankHolidays;

    public string DefaultVersion => $"{bankHolidays.Version}/council:default";

    public async Task<Current> GetAsync(OmbudsmanLiaisonDbContext db, CancellationToken ct)
    {
        var settings = await db.CouncilSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new CouncilSettingsRecord();
        return For(settings);
    }

    public Current For(CouncilSettingsRecord settings)
    {
        var version = settings.CalendarVersion ?? DefaultVersion;
        var cached = _cached;
        if (cached is not null && cached.Version == version && cached.DirectorateIds.SequenceEqual(settings.DirectorateIds))
        {
            return cached;
        }
        var calendarSettings = new CouncilCalendarSettings(ParseDivision(settings.Division))
        {
            TimeZoneId = settings.TimeZone,
            CloseOfBusiness = TimeOnly.Parse(settings.CloseOfBusiness, CultureInfo.InvariantCulture),
            ClosureDays = [.. settings.ClosureDays],
        };
        var current = new Current(version, new WorkingDayCalendar(bankHolidays, calendarSettings, StatuteRule.BankHolidaysOnly),
            TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone), [.. settings.DirectorateIds]);
        _cached = current;
        return current;
    }

    /// <summary>Today in the council's time zone: the latest date a fact may carry.</summary>
    public DateOnly Today(Current current) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), current.TimeZone).DateTime);

    private static Division ParseDivision(string division) => division switch
    {
        "SCOTLAND" => Division.Scotland,
        "NORTHERN_IRELAND" => Division.NorthernIreland,
        _ => Division.EnglandAndWales,
    };
}
