using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;

namespace ComplaintsPlatform.Calendar.Tests;

public class DeadlineTests
{
    [Fact]
    public void Receipt_Friday_2023_05_05_plus_5_working_days_skips_the_coronation_Monday() =>
        Assert.Equal(D(2023, 5, 15), EnglandAndWales.AddWorkingDays(London(2023, 5, 5, 10), 5));

    [Fact]
    public void Receipt_2022_12_23_plus_10_working_days_skips_Boxing_Day_and_the_Christmas_and_New_Year_substitutes() =>
        Assert.Equal(D(2023, 1, 11), EnglandAndWales.AddWorkingDays(London(2022, 12, 23, 10), 10));

    [Fact]
    public void Scotland_skips_2_January_where_England_does_not()
    {
        Assert.Equal(D(2025, 1, 6), Scotland.AddWorkingDays(London(2024, 12, 31, 10), 2));
        Assert.Equal(D(2025, 1, 3), EnglandAndWales.AddWorkingDays(London(2024, 12, 31, 10), 2));
    }

    [Fact]
    public void Scotland_skips_Monday_1_December_2025_the_substitute_for_St_Andrews_Day_on_a_Sunday()
    {
        Assert.Equal(D(2025, 12, 4), Scotland.AddWorkingDays(London(2025, 11, 28, 10), 3));
        Assert.Equal(D(2025, 12, 3), EnglandAndWales.AddWorkingDays(London(2025, 11, 28, 10), 3));
    }

    [Fact]
    public void Scotland_counts_Easter_Monday_as_a_working_day() =>
        Assert.Equal(D(2025, 4, 21), Scotland.AddWorkingDays(London(2025, 4, 17, 10), 1));

    [Fact]
    public void Northern_Ireland_skips_St_Patricks_Day()
    {
        Assert.Equal(D(2025, 3, 18), NorthernIreland.AddWorkingDays(London(2025, 3, 14, 10), 1));
        Assert.Equal(D(2025, 3, 17), EnglandAndWales.AddWorkingDays(London(2025, 3, 14, 10), 1));
    }

    [Fact]
    public void Northern_Ireland_skips_12_July_2023_and_the_13_July_2026_substitute_for_a_Sunday_Boyne()
    {
        Assert.Equal(D(2023, 7, 13), NorthernIreland.AddWorkingDays(London(2023, 7, 11, 10), 1));
        Assert.Equal(D(2026, 7, 14), NorthernIreland.AddWorkingDays(London(2026, 7, 10, 10), 1));
        Assert.Equal(D(2026, 7, 13), EnglandAndWales.AddWorkingDays(London(2026, 7, 10, 10), 1));
    }

    [Fact]
    public void Clock_from_a_date_ends_on_the_nth_working_day_after_it()
    {
        // Stage 1 response: 10 working days after an acknowledgement on Friday 5 May 2023.
        Assert.Equal(D(2023, 5, 22), EnglandAndWales.AddWorkingDays(D(2023, 5, 5), 10));
        Assert.Equal(D(2023, 5, 9), EnglandAndWales.AddWorkingDays(D(2023, 5, 6), 1));
        Assert.Equal(D(2023, 5, 6), EnglandAndWales.AddWorkingDays(D(2023, 5, 6), 0));
    }

    [Fact]
    public void Negative_working_days_count_back_before_the_date() =>
        Assert.Equal(D(2023, 5, 5), EnglandAndWales.AddWorkingDays(D(2023, 5, 9), -1));

    [Fact]
    public void Working_days_between_count_the_days_after_from_up_to_and_including_to()
    {
        Assert.Equal(5, EnglandAndWales.WorkingDaysBetween(D(2023, 5, 5), D(2023, 5, 15)));
        Assert.Equal(-5, EnglandAndWales.WorkingDaysBetween(D(2023, 5, 15), D(2023, 5, 5)));
        Assert.Equal(0, EnglandAndWales.WorkingDaysBetween(D(2023, 5, 6), D(2023, 5, 8)));
    }

    [Fact]
    public void Is_working_day_knows_weekends_and_bank_holidays()
    {
        Assert.True(EnglandAndWales.IsWorkingDay(D(2023, 5, 9)));
        Assert.False(EnglandAndWales.IsWorkingDay(D(2023, 5, 8)));
        Assert.False(EnglandAndWales.IsWorkingDay(D(2023, 5, 6)));
        Assert.Equal(D(2023, 5, 9), EnglandAndWales.NextWorkingDayOnOrAfter(D(2023, 5, 6)));
    }
}
