using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

/// <summary>
/// The working-day calendars deadlines are computed with: the council clock (the bank-holiday data
/// plus the council's settings), and for the statutory streams the working day their regulations define
/// (adult social care 2009, children's social care 2006), under which council closure days still count.
/// </summary>
public sealed class CouncilCalendars(BankHolidayData data, CouncilSettings council)
{
    public CouncilClock Clock { get; } = new(data, CouncilCalendarSettings.From(council));

    /// <summary>Bank-holiday data version plus a digest of the council's calendar settings; recorded with every deadline.</summary>
    public string Version => Clock.Version;

    public TimeZoneInfo TimeZone => Clock.TimeZone;

    /// <summary>Corporate and housing follow the codes (the council's closure days do not count); the statutory streams their regulations.</summary>
    public WorkingDayCalendar For(ComplaintStream stream) => Clock.Calendar(StatuteRule.For(stream));

    /// <summary>The council-local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => Clock.LocalDate(instant);

    public static string VersionOf(BankHolidayData data, CouncilSettings council) =>
        CouncilClock.VersionOf(data, CouncilCalendarSettings.From(council));
}
