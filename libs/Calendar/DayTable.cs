namespace ComplaintsPlatform.Calendar;

/// <summary>
/// The precomputed arrays behind <see cref="WorkingDayCalendar"/>, one slot per day of the covered
/// range: why each day does not count, how many working days come before it, where the k-th
/// working day is, and the UTC instants of each local midnight and close of business.
/// </summary>
internal sealed class DayTable
{
    private readonly Dictionary<int, string> _bankHolidays = [];
    private readonly Dictionary<int, string> _statuteExclusions = [];

    public DayTable(BankHolidayData data, CouncilCalendarSettings settings, StatuteRule statute, TimeZoneInfo timeZone)
    {
        FirstDayNumber = data.CoveredFrom.DayNumber;
        Count = data.CoveredTo.DayNumber - FirstDayNumber + 1;
        Reasons = new NonWorkingReason[Count];

        for (var i = 0; i < Count; i++)
        {
            var date = DateOnly.FromDayNumber(FirstDayNumber + i);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                Reasons[i] |= NonWorkingReason.Weekend;
            if (statute.Excludes(date) is { } name)
                Mark(i, NonWorkingReason.StatuteExclusion, _statuteExclusions, $"{name} ({statute.Name})");
        }
        foreach (var holiday in data.For(settings.Division))
        {
            var title = holiday.Notes.Length == 0 ? holiday.Title : $"{holiday.Title} ({holiday.Notes})";
            Mark(holiday.Date.DayNumber - FirstDayNumber, NonWorkingReason.BankHoliday, _bankHolidays, title);
        }
        foreach (var day in settings.ExtraStatuteExclusions)
            Mark(day.DayNumber - FirstDayNumber, NonWorkingReason.StatuteExclusion, _statuteExclusions, "additional statutory exclusion");
        var closures = statute.CountsCouncilClosures ? settings.ClosureDays : [];
        foreach (var day in closures)
            Mark(day.DayNumber - FirstDayNumber, NonWorkingReason.ClosureDay, null, null);

        WorkingBefore = new int[Count + 1];
        var workingDays = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            var working = Reasons[i] == NonWorkingReason.None;
            WorkingBefore[i + 1] = WorkingBefore[i] + (working ? 1 : 0);
            if (working)
                workingDays.Add(i);
        }
        WorkingDays = [.. workingDays];

        MidnightUtcTicks = new long[Count + 1];
        CloseUtcTicks = new long[Count];
        for (var i = 0; i <= Count; i++)
        {
            var date = DateOnly.FromDayNumber(FirstDayNumber + i);
            MidnightUtcTicks[i] = CouncilTime.EarliestUtcTicks(date.ToDateTime(TimeOnly.MinValue), timeZone);
            if (i < Count)
                CloseUtcTicks[i] = CouncilTime.EarliestUtcTicks(date.ToDateTime(settings.CloseOfBusiness), timeZone);
        }
    }

    public int FirstDayNumber { get; }
    public int Count { get; }
    public NonWorkingReason[] Reasons { get; }

    /// <summary>WorkingBefore[i] = working days strictly before day i (length Count + 1).</summary>
    public int[] WorkingBefore { get; }

    /// <summary>WorkingDays[k] = day index of the (k+1)-th working day of the range.</summary>
    public int[] WorkingDays { get; }

    public long[] MidnightUtcTicks { get; }
    public long[] CloseUtcTicks { get; }

    public NonWorkingDay? Describe(int i)
    {
        var reasons = Reasons[i];
        if (reasons == NonWorkingReason.None)
            return null;
        var date = DateOnly.FromDayNumber(FirstDayNumber + i);
        var parts = new List<string>(3);
        if (reasons.HasFlag(NonWorkingReason.Weekend))
            parts.Add($"weekend ({date.DayOfWeek})");
        if (_bankHolidays.TryGetValue(i, out var holiday))
            parts.Add($"bank holiday: {holiday}");
        if (_statuteExclusions.TryGetValue(i, out var excluded))
            parts.Add($"statute exclusion: {excluded}");
        if (reasons.HasFlag(NonWorkingReason.ClosureDay))
            parts.Add("council closure day");
        return new NonWorkingDay(date, reasons, string.Join("; ", parts));
    }

    // Days outside the covered range are ignored: queries there are refused anyway.
    private void Mark(int i, NonWorkingReason reason, Dictionary<int, string>? names, string? name)
    {
        if ((uint)i >= (uint)Count)
            return;
        Reasons[i] |= reason;
        if (names is not null)
            names[i] = names.TryGetValue(i, out var existing) ? $"{existing}, {name}" : name!;
    }
}
