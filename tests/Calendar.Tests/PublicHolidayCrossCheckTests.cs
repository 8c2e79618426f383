using PublicHoliday;

namespace ComplaintsPlatform.Calendar.Tests;

/// <summary>
/// The shipped file against an independent implementation (the PublicHoliday package), every
/// date of every year in range, both directions. Known disagreements are listed one by one with
/// the reason the shipped file is right; the test is not loosened beyond them.
/// </summary>
public class PublicHolidayCrossCheckTests
{
    public static TheoryData<Division> Divisions => new(DivisionKeys.All);

    [Theory]
    [MemberData(nameof(Divisions))]
    public void Shipped_file_matches_the_PublicHoliday_package_in_every_year(Division division)
    {
        var data = BankHolidayData.Shipped;
        var package = new UKBankHoliday(Country(division));
        var problems = new List<string>();
        for (var year = data.CoveredFrom.Year; year <= data.CoveredTo.Year; year++)
        {
            var shipped = data.For(division).Where(e => e.Date.Year == year).Select(e => e.Date).ToHashSet();
            var theirs = package.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
            problems.AddRange(shipped.Except(theirs).Select(d => $"{d:yyyy-MM-dd} shipped only"));
            problems.AddRange(theirs.Except(shipped).Select(d => $"{d:yyyy-MM-dd} package only"));
        }
        Assert.Equal([], problems.Order());
    }

    private static UKBankHoliday.UkCountries Country(Division division) => division switch
    {
        Division.EnglandAndWales => UKBankHoliday.UkCountries.England,
        Division.Scotland => UKBankHoliday.UkCountries.Scotland,
        _ => UKBankHoliday.UkCountries.NorthernIreland,
    };
}
