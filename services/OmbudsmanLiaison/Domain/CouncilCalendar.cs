using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// The council's clock and working-day calendar, built from the settings CaseWorkflow last announced
/// (England &amp; Wales, Europe/London, 17:00 until the first announcement). Read from the database,
/// so every replica follows a change applied by another; the clock itself is built once per settings.
/// </summary>
public sealed class CouncilCalendar(CouncilClocks clocks, TimeProvider clock)
{
    public sealed record Current(string Version, CouncilClock Clock, IReadOnlyList<string> DirectorateIds)
    {
        public WorkingDayCalendar Calendar => Clock.Calendar(StatuteRule.BankHolidaysOnly);
    }

    public string DefaultVersion => $"{clocks.Data.Version}/council:default";

    public async Task<Current> GetAsync(OmbudsmanLiaisonDbContext db, CancellationToken ct)
    {
        var settings = await db.CouncilSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new CouncilSettingsRecord();
        return For(settings);
    }

    public Current For(CouncilSettingsRecord settings) => new(settings.CalendarVersion ?? DefaultVersion,
        clocks.For(CouncilCalendarSettings.From(settings.Division, settings.TimeZone, settings.CloseOfBusiness, settings.ClosureDays)),
        [.. settings.DirectorateIds]);

    /// <summary>Today in the council's time zone: the latest date a fact may carry.</summary>
    public DateOnly Today(Current current) => current.Clock.Today(clock);
}
