namespace ComplaintsPlatform.Calendar.Tests.Support;

internal static class Calendars
{
    private static readonly TimeZoneInfo _london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static readonly WorkingDayCalendar EnglandAndWales = For(Division.EnglandAndWales);
    public static readonly WorkingDayCalendar Scotland = For(Division.Scotland);
    public static readonly WorkingDayCalendar NorthernIreland = For(Division.NorthernIreland);

    public static WorkingDayCalendar For(Division division, StatuteRule? statute = null) =>
        new(BankHolidayData.Shipped, new CouncilCalendarSettings(division), statute);

    /// <summary>An instant given as UK wall-clock time (GMT or BST as applies).</summary>
    public static DateTimeOffset London(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, _london.GetUtcOffset(local));
    }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Folder of the library's source, for tests that read or regenerate the shipped file.</summary>
    public static string LibrarySourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "libs", "Calendar");
            if (File.Exists(Path.Combine(candidate, "Calendar.csproj")))
                return candidate;
        }
        throw new DirectoryNotFoundException("libs/Calendar not found above the test output folder.");
    }
}
