using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;

namespace ComplaintsPlatform.Calendar.Tests;

public class ReceiptTests
{
    [Fact]
    public void Receipt_before_close_of_business_counts_that_day()
    {
        Assert.Equal(D(2023, 5, 5), EnglandAndWales.ReceivedOn(London(2023, 5, 5, 16, 59)));
        Assert.Equal(D(2023, 5, 15), EnglandAndWales.AddWorkingDays(London(2023, 5, 5, 16, 59), 5));
    }

    [Fact]
    public void Receipt_at_or_after_close_of_business_counts_as_the_next_working_day()
    {
        Assert.Equal(D(2023, 5, 9), EnglandAndWales.ReceivedOn(London(2023, 5, 5, 17, 0)));
        Assert.Equal(D(2023, 5, 16), EnglandAndWales.AddWorkingDays(London(2023, 5, 5, 17, 30), 5));
    }

    [Fact]
    public void Close_of_business_is_UK_wall_clock_time_in_summer_time()
    {
        // 16:30 UTC is 17:30 BST: after close, so Tuesday.
        Assert.Equal(D(2024, 6, 11), EnglandAndWales.ReceivedOn(new DateTimeOffset(2024, 6, 10, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal(D(2024, 1, 15), EnglandAndWales.ReceivedOn(new DateTimeOffset(2024, 1, 15, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Receipt_at_23_30_UTC_in_summer_is_already_the_next_UK_day() =>
        Assert.Equal(D(2024, 6, 11), EnglandAndWales.ReceivedOn(new DateTimeOffset(2024, 6, 10, 23, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Weekend_receipt_counts_as_received_on_Monday()
    {
        Assert.Equal(D(2024, 6, 10), EnglandAndWales.ReceivedOn(London(2024, 6, 8, 10)));
        Assert.Equal(D(2024, 6, 17), EnglandAndWales.AddWorkingDays(London(2024, 6, 8, 10), 5));
    }

    [Fact]
    public void Bank_holiday_receipt_counts_as_received_on_the_next_working_day() =>
        Assert.Equal(D(2023, 5, 9), EnglandAndWales.ReceivedOn(London(2023, 5, 8, 9)));

    [Fact]
    public void A_council_can_set_its_own_close_of_business()
    {
        var early = new WorkingDayCalendar(BankHolidayData.Shipped,
            new CouncilCalendarSettings(Division.EnglandAndWales) { CloseOfBusiness = new TimeOnly(16, 0) });
        Assert.Equal(D(2024, 6, 11), early.ReceivedOn(London(2024, 6, 10, 16, 30)));
    }
}
