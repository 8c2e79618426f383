namespace ComplaintsPlatform.Calendar.Tests.Support;

/// <summary>
/// The statutory rules plus every one-off proclamation, 2010–2030: the generator the shipped
/// bank-holiday file was written from, kept so the file can be re-derived and checked.
/// A refresh that brings in a newly proclaimed day must add it to <see cref="OneOffs"/> too.
/// </summary>
internal static class BankHolidayRules
{
    public const int FirstYear = 2010;
    public const int LastYear = 2030;

    private const string Substitute = "Substitute day";

    // Moved days replace the rule's date; extra days are added (all three divisions).
    private static readonly Dictionary<(int Year, string Title), DateOnly> _moved = new()
    {
        [(2012, "Spring bank holiday")] = new(2012, 6, 4),
        [(2020, "Early May bank holiday")] = new(2020, 5, 8),
        [(2022, "Spring bank holiday")] = new(2022, 6, 2),
    };

    // Divisions null = all three.
    public static readonly IReadOnlyList<(BankHoliday Day, Division? Only)> OneOffs =
    [
        (new(new(2011, 4, 29), "Royal wedding", "", true), null),
        (new(new(2012, 6, 5), "Queen’s Diamond Jubilee", "", true), null),
        (new(new(2022, 6, 3), "Platinum Jubilee bank holiday", "", true), null),
        (new(new(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", "", false), null),
        (new(new(2023, 5, 8), "Bank holiday for the coronation of King Charles III", "", true), null),
        // Royal Proclamation of 3 February 2026 (Banking and Financial Dealings Act 1971 s.1(3)), Scotland only.
        (new(new(2026, 6, 15), "World Cup bank holiday", "", true), Division.Scotland),
    ];

    public static IReadOnlyList<BankHoliday> Generate(Division division) =>
        [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).SelectMany(year => ForYear(division, year)).OrderBy(e => e.Date)];

    public static IEnumerable<BankHoliday> ForYear(Division division, int year)
    {
        var easter = StatuteRule.EasterSunday(year);
        var days = new List<BankHoliday>();

        // Fixed-date days: each falling on a weekend (or on a day already taken) moves to the next free weekday.
        var fixedDays = new List<(DateOnly Date, string Title, bool Bunting)> { (new(year, 1, 1), "New Year’s Day", true) };
        if (division == Division.Scotland)
            fixedDays.Add((new(year, 1, 2), "2nd January", true));
        if (division == Division.NorthernIreland)
            fixedDays.Add((new(year, 3, 17), "St Patrick’s Day", true));
        if (division == Division.NorthernIreland)
            fixedDays.Add((new(year, 7, 12), "Battle of the Boyne (Orangemen’s Day)", false));
        if (division == Division.Scotland)
            fixedDays.Add((new(year, 11, 30), "St Andrew’s Day", true));
        fixedDays.Add((new(year, 12, 25), "Christmas Day", true));
        fixedDays.Add((new(year, 12, 26), "Boxing Day", true));
        days.AddRange(PlaceWithSubstitutes(fixedDays));

        days.Add(new(easter.AddDays(-2), "Good Friday", "", false));
        if (division != Division.Scotland)
            days.Add(new(easter.AddDays(1), "Easter Monday", "", true));
        days.Add(Rule(year, "Early May bank holiday", FirstMonday(year, 5)));
        days.Add(Rule(year, "Spring bank holiday", LastMonday(year, 5)));
        days.Add(Rule(year, "Summer bank holiday", division == Division.Scotland ? FirstMonday(year, 8) : LastMonday(year, 8)));
        days.AddRange(OneOffs.Where(o => o.Day.Date.Year == year && (o.Only is null || o.Only == division)).Select(o => o.Day));
        return days.OrderBy(d => d.Date);
    }

    private static BankHoliday Rule(int year, string title, DateOnly date)
    {
        if (!_moved.TryGetValue((year, title), out var moved))
            return new(date, title, "", true);
        return year == 2020 ? new(moved, "Early May bank holiday (VE day)", "", true) : new(moved, title, "", true);
    }

    private static IEnumerable<BankHoliday> PlaceWithSubstitutes(List<(DateOnly Date, string Title, bool Bunting)> fixedDays)
    {
        var taken = fixedDays.Where(d => !IsWeekend(d.Date)).Select(d => d.Date).ToHashSet();
        foreach (var (date, title, bunting) in fixedDays)
        {
            if (!IsWeekend(date))
            {
                yield return new(date, title, "", bunting);
                continue;
            }
            var substitute = date;
            while (IsWeekend(substitute) || taken.Contains(substitute))
                substitute = substitute.AddDays(1);
            taken.Add(substitute);
            yield return new(substitute, title, Substitute, bunting);
        }
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(1);
        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(-1);
        return date;
    }
}
