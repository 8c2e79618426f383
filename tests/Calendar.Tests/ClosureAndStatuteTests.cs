using ComplaintsPlatform.Calendar.Tests.Support;
using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;

namespace ComplaintsPlatform.Calendar.Tests;

public class ClosureAndStatuteTests
{
    [Fact]
    public void Council_closure_27_to_31_December_is_skipped_like_a_holiday()
    {
        var closed = new WorkingDayCalendar(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales)
        {
            ClosureDays = CouncilCalendarSettings.DaysEachYear(2024, 2030, 12, 27, 31),
        });
        Assert.Equal(D(2025, 1, 3), closed.AddWorkingDays(London(2024, 12, 23, 10), 3));
        Assert.Equal(D(2024, 12, 30), EnglandAndWales.AddWorkingDays(London(2024, 12, 23, 10), 3));
        Assert.Equal(NonWorkingReason.ClosureDay, closed.WhyNotWorking(D(2024, 12, 30))!.Reasons);
    }

    private static readonly CouncilCalendarSettings s_closedAtChristmas = new(Division.EnglandAndWales)
    {
        ClosureDays = CouncilCalendarSettings.DaysEachYear(2024, 2030, 12, 27, 31),
    };

    // Received Mon 23 Dec 2024: 24th (1), 25-26 holidays, 27th (2), weekend, 30th (3). Closed 27-31: Fri 3 Jan.
    [Fact]
    public void Adult_social_care_deadline_ignores_council_closure_days_as_the_2009_regulations_define_working_days()
    {
        var adult = new WorkingDayCalendar(BankHolidayData.Shipped, s_closedAtChristmas, StatuteRule.AdultSocialCare2009);

        Assert.Equal(D(2024, 12, 30), adult.AddWorkingDays(London(2024, 12, 23, 10), 3));
        Assert.Null(adult.WhyNotWorking(D(2024, 12, 30)));
    }

    [Fact]
    public void Childrens_social_care_deadline_ignores_council_closure_days_as_the_2006_regulations_define_working_days()
    {
        var children = new WorkingDayCalendar(BankHolidayData.Shipped, s_closedAtChristmas, StatuteRule.ChildrensSocialCare2006);

        Assert.Equal(D(2024, 12, 30), children.AddWorkingDays(London(2024, 12, 23, 10), 3));
        Assert.Equal(D(2024, 12, 27), children.ReceivedOn(London(2024, 12, 27, 10)));
    }

    [Fact]
    public void Corporate_and_housing_deadlines_skip_council_closure_days_as_the_codes_leave_working_days_to_the_council()
    {
        var code = new WorkingDayCalendar(BankHolidayData.Shipped, s_closedAtChristmas, StatuteRule.BankHolidaysOnly);

        Assert.Equal(D(2025, 1, 3), code.AddWorkingDays(London(2024, 12, 23, 10), 3));
        Assert.Equal(D(2025, 1, 2), code.ReceivedOn(London(2024, 12, 27, 10)));
    }

    [Fact]
    public void Only_the_complaint_handling_codes_count_council_closure_days()
    {
        Assert.True(StatuteRule.BankHolidaysOnly.CountsCouncilClosures);
        Assert.False(StatuteRule.AdultSocialCare2009.CountsCouncilClosures);
        Assert.False(StatuteRule.ChildrensSocialCare2006.CountsCouncilClosures);
    }

    [Theory]
    [InlineData("2024-12-25", "Christmas Day")]
    [InlineData("2024-03-29", "Good Friday")]
    [InlineData("2025-04-18", "Good Friday")]
    public void Adult_social_care_regulations_2009_name_Christmas_Day_and_Good_Friday(string date, string name) =>
        Assert.Equal(name, StatuteRule.AdultSocialCare2009.Excludes(DateOnly.Parse(date)));

    [Fact]
    public void Adult_social_care_regulations_exclude_Good_Friday_even_when_the_data_does_not_list_it()
    {
        var data = SyntheticData.Load(SyntheticData.Json("2024-01-01", "2024-12-25"));
        var adult = new WorkingDayCalendar(data, new CouncilCalendarSettings(Division.EnglandAndWales), StatuteRule.AdultSocialCare2009);

        Assert.Equal(D(2024, 4, 1), adult.AddWorkingDays(D(2024, 3, 28), 1));
    }

    [Theory]
    [InlineData("2024-12-25", "Christmas Day")]
    [InlineData("2024-12-26", "Boxing Day")]
    [InlineData("2024-03-29", "Good Friday")]
    [InlineData("2025-04-18", "Good Friday")]
    public void Childrens_regulations_2006_name_Christmas_Day_Boxing_Day_and_Good_Friday(string date, string name) =>
        Assert.Equal(name, StatuteRule.ChildrensSocialCare2006.Excludes(DateOnly.Parse(date)));

    [Fact]
    public void Bank_holidays_only_rule_excludes_nothing_of_its_own() =>
        Assert.Null(StatuteRule.BankHolidaysOnly.Excludes(D(2024, 12, 25)));

    [Fact]
    public void Childrens_regulations_exclude_Good_Friday_and_Boxing_Day_even_when_the_data_does_not_list_them()
    {
        // A division whose list has only New Year's Day and Christmas Day in 2024.
        var data = SyntheticData.Load(SyntheticData.Json("2024-01-01", "2024-12-25"));
        var settings = new CouncilCalendarSettings(Division.EnglandAndWales);
        var children = new WorkingDayCalendar(data, settings, StatuteRule.ChildrensSocialCare2006);
        var code = new WorkingDayCalendar(data, settings);

        Assert.Equal(D(2024, 4, 1), children.AddWorkingDays(D(2024, 3, 28), 1));
        Assert.Equal(D(2024, 3, 29), code.AddWorkingDays(D(2024, 3, 28), 1));
        Assert.Equal(D(2024, 12, 27), children.AddWorkingDays(D(2024, 12, 24), 1));
        Assert.Equal(D(2024, 12, 26), code.AddWorkingDays(D(2024, 12, 24), 1));
    }

    [Fact]
    public void Christmas_Day_under_the_childrens_regulations_gives_both_reasons()
    {
        var children = For(Division.EnglandAndWales, StatuteRule.ChildrensSocialCare2006);
        var why = children.WhyNotWorking(D(2024, 12, 25))!;
        Assert.Equal(NonWorkingReason.BankHoliday | NonWorkingReason.StatuteExclusion, why.Reasons);
        Assert.Contains("Children Act 1989", why.Description);
    }

    [Fact]
    public void Extra_statute_exclusions_from_settings_are_skipped()
    {
        var calendar = new WorkingDayCalendar(BankHolidayData.Shipped,
            new CouncilCalendarSettings(Division.EnglandAndWales) { ExtraStatuteExclusions = [D(2024, 6, 11)] });
        Assert.Equal(D(2024, 6, 12), calendar.AddWorkingDays(D(2024, 6, 10), 1));
        Assert.Equal(NonWorkingReason.StatuteExclusion, calendar.WhyNotWorking(D(2024, 6, 11))!.Reasons);
    }
}
