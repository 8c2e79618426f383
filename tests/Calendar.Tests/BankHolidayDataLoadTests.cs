using ComplaintsPlatform.Calendar.Tests.Support;

namespace ComplaintsPlatform.Calendar.Tests;

public class BankHolidayDataLoadTests
{
    private static BankHolidayDataException Refused(string json) =>
        Assert.Throws<BankHolidayDataException>(() => SyntheticData.Load(json));

    [Fact]
    public void A_file_missing_a_division_is_refused_naming_it() =>
        Assert.Contains("\"scotland\" is missing", Refused(SyntheticData.Json("2024-01-01", "2024-12-25").Replace("\"scotland\"", "\"scotia\"")).Message);

    [Fact]
    public void A_date_that_is_not_ISO_is_refused() =>
        Assert.Contains("not an ISO", Refused(SyntheticData.Json("2024-01-01", "25/12/2024")).Message);

    [Fact]
    public void Unsorted_events_are_refused() =>
        Assert.Contains("not sorted", Refused(SyntheticData.Json("2024-12-25", "2024-01-01")).Message);

    [Fact]
    public void A_date_listed_twice_is_refused() =>
        Assert.Contains("2024-12-25 twice", Refused(SyntheticData.Json("2024-01-01", "2024-12-25", "2024-12-25")).Message);

    [Fact]
    public void Text_that_is_not_JSON_is_refused() =>
        Assert.Contains("not valid JSON", Refused("{\"england-and-wales\": [").Message);

    [Fact]
    public void A_year_missing_from_the_middle_is_refused_rather_than_treated_as_holiday_free() =>
        Assert.Contains("gap: 2024", Refused(SyntheticData.Json("2023-01-02", "2023-12-25", "2025-01-01", "2025-12-25")).Message);

    [Fact]
    public void Covered_range_is_the_complete_years_every_division_shares()
    {
        var data = SyntheticData.Load(SyntheticData.Json(key => key == "scotland"
            ? ["2023-01-02", "2023-12-25", "2024-01-01", "2024-12-25"]
            : ["2024-01-01", "2024-12-25", "2025-01-01", "2025-05-05"]));
        Assert.Equal(new DateOnly(2024, 1, 1), data.CoveredFrom);
        Assert.Equal(new DateOnly(2024, 12, 31), data.CoveredTo);
    }

    [Fact]
    public void Version_changes_when_a_date_changes_and_not_otherwise()
    {
        var a = SyntheticData.Load(SyntheticData.Json("2024-01-01", "2024-12-25"));
        var same = SyntheticData.Load(SyntheticData.Json("2024-01-01", "2024-12-25"));
        var other = SyntheticData.Load(SyntheticData.Json("2024-01-01", "2024-06-03", "2024-12-25"));
        Assert.Equal(a.Version, same.Version);
        Assert.NotEqual(a.Version, other.Version);
    }

    [Fact]
    public void Changes_since_an_older_file_list_added_and_removed_dates_per_division()
    {
        var older = SyntheticData.Load(SyntheticData.Json("2024-01-01", "2024-05-06", "2024-12-25"));
        var newer = SyntheticData.Load(SyntheticData.Json(key => key == "scotland"
            ? ["2024-01-01", "2024-06-03", "2024-12-25"]
            : ["2024-01-01", "2024-05-06", "2024-12-25"]));
        var changes = newer.ChangesSince(older);
        Assert.Equal(
            [new BankHolidayChange(Division.Scotland, new(2024, 5, 6), "Day 2024-05-06", Added: false), new BankHolidayChange(Division.Scotland, new(2024, 6, 3), "Day 2024-06-03", Added: true)],
            changes.OrderBy(c => c.Date));
    }

    [Fact]
    public void A_shorter_official_file_merged_over_the_shipped_one_keeps_the_other_years()
    {
        var official = SyntheticData.Load(SyntheticData.Json("2027-01-01", "2027-07-05", "2027-12-25"));
        var merged = official.MergedOver(BankHolidayData.Shipped);
        Assert.Equal(BankHolidayData.Shipped.CoveredFrom, merged.CoveredFrom);
        Assert.Equal(BankHolidayData.Shipped.CoveredTo, merged.CoveredTo);
        Assert.Contains(merged.For(Division.Scotland), e => e.Date == new DateOnly(2027, 7, 5));
        Assert.DoesNotContain(merged.For(Division.Scotland), e => e.Date == new DateOnly(2027, 4, 2));
        Assert.Equal(BankHolidayData.Shipped.For(Division.Scotland).Where(e => e.Date.Year == 2026), merged.For(Division.Scotland).Where(e => e.Date.Year == 2026));
    }

    [Fact]
    public void A_newer_file_can_be_loaded_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SyntheticData.Json("2024-01-01", "2024-12-25"));
        try
        {
            Assert.Equal(new DateOnly(2024, 12, 31), BankHolidayData.LoadFile(path).CoveredTo);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
