namespace ComplaintsPlatform.Calendar;

/// <summary>
/// Council clocks over one set of bank-holiday data, one per distinct settings: a service that reads
/// the council's settings on each call gets the same clock back, calendars already built.
/// </summary>
public sealed class CouncilClocks(BankHolidayData data)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CouncilClock> _clocks = new();

    public BankHolidayData Data => data;

    /// <summary>The clock until CaseWorkflow has announced the council's settings.</summary>
    public CouncilClock Default => For(CouncilCalendarSettings.Default);

    public CouncilClock For(CouncilCalendarSettings settings) =>
        _clocks.GetOrAdd(CouncilClock.VersionOf(data, settings), _ => new CouncilClock(data, settings));

    /// <summary>
    /// The shipped data, with a newer official file (<c>Calendar:BankHolidaysFile</c>) laid over it when
    /// one is configured, so every service counts with the same holidays without a release.
    /// </summary>
    public static BankHolidayData LoadData(string? bankHolidaysFile) => string.IsNullOrEmpty(bankHolidaysFile)
        ? BankHolidayData.Shipped
        : BankHolidayData.LoadFile(bankHolidaysFile).MergedOver(BankHolidayData.Shipped);
}
