using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;

namespace ComplaintsPlatform.Calendar;

/// <summary>
/// The council's clock: its time zone, the council-local date of an instant (and the instant a local
/// day begins), and its working-day calendars, built from its division, zone, close of business and
/// closure days over every year of the bank-holiday data. Every service converts and counts with one
/// of these, built from the settings CaseWorkflow publishes (see <see cref="CouncilClocks"/>); each
/// statute keeps its own rule of what a working day is (<see cref="Calendar(StatuteRule)"/>).
/// </summary>
public sealed class CouncilClock
{
    private readonly ConcurrentDictionary<StatuteRule, WorkingDayCalendar> _calendars = new();

    public CouncilClock(BankHolidayData data, CouncilCalendarSettings settings)
    {
        Data = data;
        Settings = settings;
        TimeZone = CouncilTime.Zone(settings.TimeZoneId);
        Version = VersionOf(data, settings);
    }

    public BankHolidayData Data { get; }
    public CouncilCalendarSettings Settings { get; }
    public TimeZoneInfo TimeZone { get; }
    public Division Division => Settings.Division;

    /// <summary>The bank-holiday data version plus a digest of the council's settings; record it with every deadline.</summary>
    public string Version { get; }

    /// <summary>Weekends, the division's bank holidays and the council's closures (the complaint handling codes).</summary>
    public WorkingDayCalendar WorkingDays => Calendar(StatuteRule.BankHolidaysOnly);

    /// <summary>The council's working days as <paramref name="statute"/> defines them; built once each.</summary>
    public WorkingDayCalendar Calendar(StatuteRule statute) =>
        _calendars.GetOrAdd(statute, s => new WorkingDayCalendar(Data, Settings, s));

    public DateOnly LocalDate(DateTimeOffset instant) => CouncilTime.LocalDate(instant, TimeZone);

    public DateOnly LocalDate(Timestamp instant) => LocalDate(instant.ToDateTimeOffset());

    public DateOnly Today(TimeProvider time) => LocalDate(time.GetUtcNow());

    /// <summary>When a council-local day begins (the first moment after midnight, if a clock change skips it).</summary>
    public DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The instant of a council-local wall-clock time; a repeated hour is taken at its first occurrence.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(CouncilTime.EarliestUtcTicks(date.ToDateTime(time), TimeZone), TimeSpan.Zero);

    public static string VersionOf(BankHolidayData data, CouncilCalendarSettings settings) =>
        $"{data.Version}/council:{settings.Digest()}";
}
