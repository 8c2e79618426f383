namespace ComplaintsPlatform.Calendar;

/// <summary>
/// The one implementation of council time: which zone a council's setting names, the local date of
/// an instant there, and the instant of a local wall-clock time. <see cref="CouncilClock"/> and
/// <see cref="WorkingDayCalendar"/> both use it, so every service converts the same way.
/// </summary>
internal static class CouncilTime
{
    /// <summary>The zone of a council's setting: none given is <see cref="CouncilCalendarSettings.DefaultTimeZoneId"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is not known here (CaseWorkflow refuses such a setting).</exception>
    public static TimeZoneInfo Zone(string? id) =>
        TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(id) ? CouncilCalendarSettings.DefaultTimeZoneId : id);

    public static bool IsKnownZone(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    // A local time skipped by a DST jump is taken as the first valid moment after it; a repeated
    // one as its first occurrence, so a day never starts or closes later than the clock on the wall.
    public static long EarliestUtcTicks(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return local.Ticks - offset.Ticks;
    }
}
