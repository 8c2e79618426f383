using ComplaintsPlatform.Calendar.Tests.Support;

namespace ComplaintsPlatform.Calendar.Tests;

public class ShippedDataTests
{
    private static readonly BankHolidayData _shipped = BankHolidayData.Shipped;

    // Set CALENDAR_REGENERATE_DATA=1 to rewrite libs/Calendar/Data/bank-holidays.json from the rules.
    [Fact]
    public void Shipped_file_holds_exactly_the_rules_and_one_offs_for_2010_to_2030()
    {
        if (Environment.GetEnvironmentVariable("CALENDAR_REGENERATE_DATA") == "1")
        {
            using var file = File.Create(Path.Combine(Calendars.LibrarySourceDirectory(), "Data", "bank-holidays.json"));
            BankHolidayJsonWriter.Write(file, BankHolidayRules.Generate);
        }
        foreach (var division in DivisionKeys.All)
            Assert.Equal(BankHolidayRules.Generate(division), _shipped.For(division));
    }

    [Fact]
    public void Embedded_copy_has_the_same_dates_as_the_file_in_the_source_tree()
    {
        var onDisk = BankHolidayData.LoadFile(Path.Combine(Calendars.LibrarySourceDirectory(), "Data", "bank-holidays.json"));
        Assert.Equal(onDisk.Version, _shipped.Version);
    }

    [Fact]
    public void Shipped_data_covers_2010_to_2030_and_says_so_in_its_version()
    {
        Assert.Equal(Calendars.D(2010, 1, 1), _shipped.CoveredFrom);
        Assert.Equal(Calendars.D(2030, 12, 31), _shipped.CoveredTo);
        Assert.Matches(@"^2010-01-01\.\.2030-12-31/sha256:[0-9a-f]{12}$", _shipped.Version);
    }

    [Theory]
    [InlineData("2011-04-29")]
    [InlineData("2012-06-04")]
    [InlineData("2012-06-05")]
    [InlineData("2020-05-08")]
    [InlineData("2022-06-02")]
    [InlineData("2022-06-03")]
    [InlineData("2022-09-19")]
    [InlineData("2023-05-08")]
    public void One_off_and_moved_days_are_holidays_in_every_division(string date)
    {
        foreach (var division in DivisionKeys.All)
            Assert.Contains(_shipped.For(division), e => e.Date == DateOnly.Parse(date));
    }

    [Fact]
    public void Scotland_alone_has_the_2026_World_Cup_bank_holiday()
    {
        Assert.Contains(_shipped.For(Division.Scotland), e => e.Date == Calendars.D(2026, 6, 15));
        Assert.DoesNotContain(_shipped.For(Division.EnglandAndWales), e => e.Date == Calendars.D(2026, 6, 15));
        Assert.DoesNotContain(_shipped.For(Division.NorthernIreland), e => e.Date == Calendars.D(2026, 6, 15));
    }

    [Theory]
    [InlineData("2012-05-28")]
    [InlineData("2020-05-04")]
    [InlineData("2022-05-30")]
    public void Days_a_holiday_was_moved_away_from_are_ordinary_days(string date)
    {
        foreach (var division in DivisionKeys.All)
            Assert.DoesNotContain(_shipped.For(division), e => e.Date == DateOnly.Parse(date));
    }

    [Fact]
    public void Scotland_has_no_Easter_Monday_but_has_2_January_and_St_Andrews_Day()
    {
        var scotland = _shipped.For(Division.Scotland);
        Assert.DoesNotContain(scotland, e => e.Title == "Easter Monday");
        Assert.Contains(scotland, e => e.Date == Calendars.D(2024, 1, 2) && e.Title == "2nd January");
        Assert.Contains(scotland, e => e.Date == Calendars.D(2025, 12, 1) && e.Title == "St Andrew’s Day" && e.IsSubstitute);
        Assert.Contains(scotland, e => e.Date == Calendars.D(2025, 8, 4) && e.Title == "Summer bank holiday");
    }

    [Fact]
    public void Northern_Ireland_has_St_Patricks_Day_and_the_Boyne_with_substitutes()
    {
        var ni = _shipped.For(Division.NorthernIreland);
        Assert.Contains(ni, e => e.Date == Calendars.D(2024, 3, 18) && e.IsSubstitute);
        Assert.Contains(ni, e => e.Date == Calendars.D(2023, 7, 12) && !e.IsSubstitute);
        Assert.Contains(ni, e => e.Date == Calendars.D(2026, 7, 13) && e.IsSubstitute);
    }
}
