namespace ComplaintsPlatform.Calendar;

/// <summary>
/// How a statute defines a working day beyond weekends and bank holidays. The children's
/// regulations name Christmas Day, Boxing Day and Good Friday themselves, so those days are
/// excluded by the rule even where (or if ever) the division's bank-holiday list lacks them.
/// </summary>
public sealed record StatuteRule(string Name, bool ExcludesChristmasDay, bool ExcludesBoxingDay, bool ExcludesGoodFriday)
{
    /// <summary>Weekends and the division's bank holidays only (the complaint handling codes).</summary>
    public static readonly StatuteRule BankHolidaysOnly = new("Weekends and bank holidays", false, false, false);

    /// <summary>Children Act 1989 Representations Procedure (England) Regulations 2006, SI 2006/1738.</summary>
    public static readonly StatuteRule ChildrensSocialCare2006 =
        new("Children Act 1989 Representations Procedure (England) Regulations 2006", true, true, true);

    /// <summary>The name of the day this rule excludes, or null when it excludes nothing on that date.</summary>
    public string? Excludes(DateOnly date)
    {
        if (ExcludesChristmasDay && date.Month == 12 && date.Day == 25)
            return "Christmas Day";
        if (ExcludesBoxingDay && date.Month == 12 && date.Day == 26)
            return "Boxing Day";
        if (ExcludesGoodFriday && date == EasterSunday(date.Year).AddDays(-2))
            return "Good Friday";
        return null;
    }

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Meeus/Jones/Butcher algorithm.</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
