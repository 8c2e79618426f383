using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

/// <summary>
/// The working-day calendars deadlines are computed with: the council clock (the bank-holiday data
/// plus the council's settings), and the children's regulations' own working day for that stream.
/// </summary>
public sealed class CouncilCalendars(BankHolidayData data, CouncilSettings council)
{
    public CouncilClock Clock { get; } = new(data, CouncilCalendarSettings.From(council));

    /// <summary>Bank-holiday data version plus a digest of the council's calendar settings; recorded with every deadline.</summary>
    public string Version => Clock.Version;

    public TimeZoneInfo TimeZone => Clock.TimeZone;

    public WorkingDayCalendar For(ComplaintStream stream) =>
        Clock.Calendar(stream == ComplaintStream.ChildrenSocialCare ? StatuteRule.ChildrensSocialCare2006 : StatuteRule.BankHolidaysOnly);

    /// <summary>The council-local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => Clock.LocalDate(instant);

    public static string VersionOf(BankHolidayData data, CouncilSettings council) =>
        CouncilClock.VersionOf(data, CouncilCalendarSettings.From(council));
}
