using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.Calendar;

/// <summary>
/// How a working day is defined. The complaint handling codes leave it to the council: weekends,
/// bank holidays and the council's closure days do not count. The 2009 and 2006 regulations define
/// it themselves (any day but a Saturday, Sunday, Christmas Day, Good Friday or bank holiday), so
/// under them those days are excluded even where the division's list lacks them, and a council's
/// closure days are working days: closing the office cannot lengthen a statutory deadline.
/// </summary>
public sealed record StatuteRule(string Name, bool ExcludesChristmasDay, bool ExcludesBoxingDay, bool ExcludesGoodFriday)
{
    /// <summary>Weekends, the division's bank holidays and the council's closure days (the complaint handling codes).</summary>
    public static readonly StatuteRule BankHolidaysOnly = new("Weekends and bank holidays", false, false, false) { CountsCouncilClosures = true };

    /// <summary>Local Authority Social Services and National Health Service Complaints (England) Regulations 2009, SI 2009/309, reg. 2.</summary>
    public static readonly StatuteRule AdultSocialCare2009 =
        new("Local Authority Social Services and National Health Service Complaints (England) Regulations 2009", true, false, true);

    /// <summary>Children Act 1989 Representations Procedure (England) Regulations 2006, SI 2006/1738.</summary>
    public static readonly StatuteRule ChildrensSocialCare2006 =
        new("Children Act 1989 Representations Procedure (England) Regulations 2006", true, true, true);

    /// <summary>The rule a stream's deadlines count by: corporate and housing follow the codes, the statutory streams their regulations.</summary>
    public static StatuteRule For(ComplaintStream stream) => stream switch
    {
        ComplaintStream.AdultSocialCare => AdultSocialCare2009,
        ComplaintStream.ChildrenSocialCare => ChildrensSocialCare2006,
        _ => BankHolidaysOnly,
    };

    /// <summary>True when the council's closure days are not working days (the codes); false under a statute's own definition.</summary>
    public bool CountsCouncilClosures { get; init; }

    /// <summary>The rule in words, for deadline explanations.</summary>
    public string WorkingDayRule => CountsCouncilClosures
        ? "Working days as the complaint handling codes leave them to the council: not a weekend or bank holiday; council closure days are not working days"
        : $"Working days as the {Name} define them (not a Saturday, Sunday, {string.Join(", ", NamedDays())} or bank holiday); council closure days are working days under it";

    private IEnumerable<string> NamedDays()
    {
        if (ExcludesChristmasDay)
            yield return "Christmas Day";
        if (ExcludesBoxingDay)
            yield return "Boxing Day";
        if (ExcludesGoodFriday)
            yield return "Good Friday";
    }

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
