using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;

namespace ComplaintsPlatform.Calendar.Tests;

public class ExplanationTests
{
    [Fact]
    public void Explanation_of_an_after_hours_Friday_receipt_names_each_skipped_day_and_the_calendar()
    {
        var why = EnglandAndWales.ExplainAddWorkingDays(London(2023, 5, 5, 17, 30), 5);

        Assert.Equal(D(2023, 5, 5), why.StartDay);
        Assert.Equal(D(2023, 5, 9), why.EffectiveStartDay);
        Assert.Contains("close of business", why.EffectiveStartReason);
        Assert.Equal([D(2023, 5, 6), D(2023, 5, 7), D(2023, 5, 8)], why.ReceiptDaysSkipped.Select(d => d.Date));
        Assert.Contains("coronation", why.ReceiptDaysSkipped[2].Description);
        Assert.Equal(D(2023, 5, 16), why.Due);
        Assert.Equal([D(2023, 5, 13), D(2023, 5, 14)], why.SkippedDays.Select(d => d.Date));
        Assert.All(why.SkippedDays, d => Assert.Equal(NonWorkingReason.Weekend, d.Reasons));
        Assert.Equal(BankHolidayData.Shipped.Version, why.CalendarVersion);
        Assert.Equal(Division.EnglandAndWales, why.Division);
        Assert.Equal(StatuteRule.BankHolidaysOnly.Name, why.Statute);
    }

    [Fact]
    public void Explanation_over_Christmas_2022_lists_Boxing_Day_and_both_substitutes_by_name()
    {
        var why = EnglandAndWales.ExplainAddWorkingDays(London(2022, 12, 23, 10), 10);

        Assert.Equal(D(2023, 1, 11), why.Due);
        Assert.Equal(D(2022, 12, 23), why.EffectiveStartDay);
        Assert.Empty(why.ReceiptDaysSkipped);
        var holidays = why.SkippedDays.Where(d => d.Reasons.HasFlag(NonWorkingReason.BankHoliday)).ToList();
        Assert.Equal([D(2022, 12, 26), D(2022, 12, 27), D(2023, 1, 2)], holidays.Select(d => d.Date));
        Assert.Contains("Boxing Day", holidays[0].Description);
        Assert.Contains("Christmas Day (Substitute day)", holidays[1].Description);
        Assert.Contains("New Year’s Day (Substitute day)", holidays[2].Description);
        Assert.Equal(9, why.SkippedDays.Count); // plus 24–25 and 31 Dec–1 Jan and 7–8 Jan weekends
    }

    [Fact]
    public void Explanation_of_a_weekend_receipt_says_it_was_a_weekend()
    {
        var why = EnglandAndWales.ExplainAddWorkingDays(London(2024, 6, 8, 10), 5);
        Assert.Contains("weekend", why.EffectiveStartReason);
        Assert.Equal(D(2024, 6, 10), why.EffectiveStartDay);
    }

    [Fact]
    public void Explanation_of_a_clock_from_a_date_agrees_with_the_fast_answer_and_reads_as_text()
    {
        var why = Scotland.ExplainAddWorkingDays(D(2025, 11, 28), 3);
        Assert.Equal(Scotland.AddWorkingDays(D(2025, 11, 28), 3), why.Due);
        Assert.Contains(why.SkippedDays, d => d.Date == D(2025, 12, 1) && d.Description.Contains("St Andrew’s Day"));
        Assert.Contains("due Thu 2025-12-04", why.ToString());
        Assert.Contains(BankHolidayData.Shipped.Version, why.ToString());
    }

    [Fact]
    public void Explanation_of_an_adult_social_care_deadline_names_the_2009_regulations_and_says_closure_days_count()
    {
        var adult = new WorkingDayCalendar(BankHolidayData.Shipped,
            new CouncilCalendarSettings(Division.EnglandAndWales) { ClosureDays = [D(2024, 6, 11)] }, StatuteRule.AdultSocialCare2009);

        var text = adult.ExplainAddWorkingDays(D(2024, 6, 10), 3).ToString();

        Assert.Contains("Local Authority Social Services and National Health Service Complaints (England) Regulations 2009", text);
        Assert.Contains("council closure days are working days under it", text);
    }

    [Fact]
    public void Explanation_of_a_code_deadline_says_council_closure_days_are_skipped()
    {
        var why = EnglandAndWales.ExplainAddWorkingDays(D(2024, 6, 10), 3);

        Assert.Contains("council closure days are not working days", why.ToString());
        Assert.Equal(StatuteRule.BankHolidaysOnly.WorkingDayRule, why.WorkingDayRule);
    }
}
