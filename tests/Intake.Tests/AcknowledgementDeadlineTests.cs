using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Domain;
using Xunit;
using Division = ComplaintsPlatform.Calendar.Division;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>The triage queue's acknowledgement deadline, without a database.</summary>
public sealed class AcknowledgementDeadlineTests
{
    private static readonly WorkingDayCalendar s_calendar = new(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales));

    [Fact]
    public void The_queue_counts_down_to_the_shortest_limit_of_any_stream_and_to_the_default_until_policies_are_published()
    {
        var shortest = AcknowledgementDeadline.Shortest(
            [(ComplaintStream.Corporate, 5), (ComplaintStream.ChildrenSocialCare, 3), (ComplaintStream.AdultSocialCare, 3)], 10);

        Assert.Equal(new AcknowledgementDeadline(3, ComplaintStream.AdultSocialCare), shortest);
        Assert.Equal(new AcknowledgementDeadline(4, ComplaintStream.Unspecified), AcknowledgementDeadline.Shortest([], 4));
    }

    [Fact]
    public void Acknowledgement_due_3_working_days_after_receipt_counting_from_the_next_day_after_close_of_business()
    {
        var deadline = new AcknowledgementDeadline(3, ComplaintStream.Corporate);
        var monday = new DateOnly(2025, 6, 2);

        // Monday 2 June 2025 at 11:00 and at 17:30 in London (BST).
        Assert.Equal((new DateOnly(2025, 6, 5), 3), deadline.For(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero), monday, s_calendar));
        Assert.Equal((new DateOnly(2025, 6, 6), 4), deadline.For(new DateTimeOffset(2025, 6, 2, 16, 30, 0, TimeSpan.Zero), monday, s_calendar));
    }

    [Fact]
    public void Acknowledgement_skips_bank_holidays_and_has_no_days_left_once_due()
    {
        var deadline = new AcknowledgementDeadline(3, ComplaintStream.Corporate);

        // Thursday 17 April 2025: Good Friday and Easter Monday are not working days.
        var (due, _) = deadline.For(new DateTimeOffset(2025, 4, 17, 9, 0, 0, TimeSpan.Zero), new DateOnly(2025, 4, 17), s_calendar);
        Assert.Equal(new DateOnly(2025, 4, 24), due);
        Assert.Equal(0, deadline.For(new DateTimeOffset(2025, 4, 17, 9, 0, 0, TimeSpan.Zero), new DateOnly(2025, 5, 1), s_calendar).WorkingDaysLeft);
    }

    [Fact]
    public void A_contact_received_before_the_calendar_begins_is_long_overdue()
    {
        var before = s_calendar.CoveredFrom.AddYears(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

        Assert.Equal(((DateOnly?)null, 0), new AcknowledgementDeadline(3, ComplaintStream.Corporate).For(before, new DateOnly(2025, 6, 2), s_calendar));
    }

    [Fact]
    public void Adult_social_care_acknowledgement_in_the_triage_queue_ignores_council_closure_days_as_the_2009_regulations_define_working_days()
    {
        var clock = new CouncilClock(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales)
        {
            ClosureDays = CouncilCalendarSettings.DaysEachYear(2024, 2024, 12, 27, 31),
        });
        var received = new DateTimeOffset(2024, 12, 23, 10, 0, 0, TimeSpan.Zero);
        var adult = new AcknowledgementDeadline(3, ComplaintStream.AdultSocialCare);
        var corporate = new AcknowledgementDeadline(3, ComplaintStream.Corporate);

        // 24th (1), Christmas, 27th (2) though the council is closed, weekend, 30th (3); the Code skips 27-31 December.
        Assert.Equal(new DateOnly(2024, 12, 30), adult.For(received, new DateOnly(2024, 12, 23), adult.CalendarFrom(clock)).Due);
        Assert.Equal(new DateOnly(2025, 1, 3), corporate.For(received, new DateOnly(2024, 12, 23), corporate.CalendarFrom(clock)).Due);
    }
}
