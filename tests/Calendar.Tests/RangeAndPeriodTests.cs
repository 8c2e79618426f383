using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;

namespace ComplaintsPlatform.Calendar.Tests;

public class RangeAndPeriodTests
{
    [Fact]
    public void A_date_before_the_covered_range_is_refused_naming_the_range()
    {
        var ex = Assert.Throws<CalendarRangeException>(() => EnglandAndWales.AddWorkingDays(D(2009, 12, 31), 1));
        Assert.Contains("2010-01-01 to 2030-12-31", ex.Message);
        Assert.Equal(D(2009, 12, 31), ex.Date);
    }

    [Fact]
    public void A_receipt_after_the_covered_range_is_refused_not_treated_as_holiday_free() =>
        Assert.Throws<CalendarRangeException>(() => EnglandAndWales.AddWorkingDays(London(2031, 1, 6, 10), 5));

    [Fact]
    public void A_due_date_that_would_fall_past_the_covered_range_is_refused()
    {
        Assert.Throws<CalendarRangeException>(() => EnglandAndWales.AddWorkingDays(D(2030, 12, 20), 20));
        Assert.Throws<CalendarRangeException>(() => EnglandAndWales.ReceivedOn(London(2030, 12, 31, 18)));
        Assert.Throws<CalendarRangeException>(() => EnglandAndWales.IsWorkingDay(D(2031, 1, 2)));
    }

    [Fact]
    public void Last_working_day_of_the_range_is_still_reachable() =>
        Assert.Equal(D(2030, 12, 31), EnglandAndWales.AddWorkingDays(D(2030, 12, 30), 1));

    [Theory]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2024-08-31", 6, "2025-02-28")]
    [InlineData("2024-03-15", 12, "2025-03-15")]
    public void Adding_months_keeps_the_day_or_clamps_to_the_month_end(string start, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), CalendarPeriods.AddMonths(DateOnly.Parse(start), months));

    [Fact]
    public void Adding_weeks_adds_seven_calendar_days_each()
    {
        Assert.Equal(D(2024, 5, 15), CalendarPeriods.AddWeeks(D(2024, 5, 1), 2));
        Assert.Equal(D(2024, 5, 22), CalendarPeriods.AddWeeks(D(2024, 5, 1), 3));
    }
}
