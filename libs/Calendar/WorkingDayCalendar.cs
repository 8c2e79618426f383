namespace ComplaintsPlatform.Calendar;

/// <summary>
/// Working days for one council under one statute. Everything is precomputed over the data's
/// covered range so that deadline arithmetic is a few array reads, never a walk over days.
/// </summary>
public sealed partial class WorkingDayCalendar
{
    private readonly DayTable _days;
    private readonly TimeZoneInfo _timeZone;

    public WorkingDayCalendar(BankHolidayData data, CouncilCalendarSettings settings, StatuteRule? statute = null)
    {
        Data = data;
        Settings = settings;
        Statute = statute ?? StatuteRule.BankHolidaysOnly;
        _timeZone = CouncilTime.Zone(settings.TimeZoneId);
        _days = new DayTable(data, settings, Statute, _timeZone);
    }

    public BankHolidayData Data { get; }
    public CouncilCalendarSettings Settings { get; }
    public StatuteRule Statute { get; }
    public Division Division => Settings.Division;

    /// <summary>The bank-holiday data version; record it with every deadline computed here.</summary>
    public string Version => Data.Version;

    public DateOnly CoveredFrom => Data.CoveredFrom;
    public DateOnly CoveredTo => Data.CoveredTo;

    public TimeZoneInfo TimeZone => _timeZone;

    /// <summary>The council-local date of an instant (not moved to a working day: see <see cref="ReceivedOn"/>).</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => CouncilTime.LocalDate(instant, _timeZone);

    public bool IsWorkingDay(DateOnly date) => _days.Reasons[IndexOf(date)] == NonWorkingReason.None;

    /// <summary>Why <paramref name="date"/> does not count, or null when it is a working day.</summary>
    public NonWorkingDay? WhyNotWorking(DateOnly date) => _days.Describe(IndexOf(date));

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date) => FromIndex(WorkingDayAt(_days.WorkingBefore[IndexOf(date)], date));

    /// <summary>
    /// The working day a receipt counts from, in the council's time zone: receipt on a non-working
    /// day, or at or after close of business, counts as receipt on the next working day.
    /// </summary>
    public DateOnly ReceivedOn(DateTimeOffset receiptInstant) => FromIndex(ReceivedIndex(receiptInstant));

    /// <summary>
    /// Due date <paramref name="workingDays"/> whole working days after receipt, counting from the
    /// day after the effective receipt day (see <see cref="ReceivedOn"/>).
    /// </summary>
    public DateOnly AddWorkingDays(DateTimeOffset receiptInstant, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var received = ReceivedIndex(receiptInstant);
        return FromIndex(WorkingDayAt(_days.WorkingBefore[received] + workingDays, FromIndex(received)));
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (which need
    /// not be a working day); 0 returns <paramref name="start"/>; negative counts back before it.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var s = IndexOf(start);
        if (workingDays == 0)
            return start;
        var k = workingDays > 0 ? _days.WorkingBefore[s + 1] + workingDays - 1 : _days.WorkingBefore[s] + workingDays;
        return FromIndex(WorkingDayAt(k, start));
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when to &lt; from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        _days.WorkingBefore[IndexOf(to) + 1] - _days.WorkingBefore[IndexOf(from) + 1];

    private int ReceivedIndex(DateTimeOffset receiptInstant)
    {
        var utc = receiptInstant.UtcTicks;
        var midnights = _days.MidnightUtcTicks;
        if (utc < midnights[0] || utc >= midnights[^1])
            throw new CalendarRangeException(LocalDate(receiptInstant),
                CoveredFrom, CoveredTo, "receipt date");

        // Local days are 24h ± DST shifts, so the UTC-based guess is off by at most a day.
        var i = (int)Math.Min((utc - midnights[0]) / TimeSpan.TicksPerDay, _days.Count - 1);
        while (utc >= midnights[i + 1])
            i++;
        while (utc < midnights[i])
            i--;
        var counted = utc >= _days.CloseUtcTicks[i] ? i + 1 : i;
        return WorkingDayAt(_days.WorkingBefore[counted], FromIndex(i));
    }

    private int WorkingDayAt(int k, DateOnly from)
    {
        var working = _days.WorkingDays;
        if ((uint)k >= (uint)working.Length)
            throw new CalendarRangeException(from, CoveredFrom, CoveredTo, "the result falls outside the covered range");
        return working[k];
    }

    private int IndexOf(DateOnly date)
    {
        var i = date.DayNumber - _days.FirstDayNumber;
        if ((uint)i >= (uint)_days.Count)
            throw new CalendarRangeException(date, CoveredFrom, CoveredTo);
        return i;
    }

    private DateOnly FromIndex(int index) => DateOnly.FromDayNumber(_days.FirstDayNumber + index);
}
