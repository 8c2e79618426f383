using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using Xunit;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>
/// Which working day each stream counts: the codes leave it to the council (closure days do not count);
/// the 2009 and 2006 regulations define it themselves, so a council closure cannot lengthen their deadlines.
/// </summary>
public sealed class StatutoryWorkingDayTests
{
    // Mon 23 December 2024, 10:00 UK time; the council closes 27-31 December.
    private static readonly DateTimeOffset s_received = new(2024, 12, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor s_team = new("officer-team", "complaints_team", s_received.AddHours(1));

    private static readonly CouncilCalendars s_calendars = new(BankHolidayData.Shipped, new CouncilSettings
    {
        ClosureDays =
        {
            CouncilCalendarSettings.DaysEachYear(2024, 2024, 12, 27, 31)
                .Select(d => new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day }),
        },
    });

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Case Open(ProcedurePolicy policy, string serviceArea) => Case.Open(Guid.NewGuid(), "REF-1", "contact-1", "person-1",
        serviceArea, "directorate", s_received, true,
        new CaseRules(policy, s_calendars.For(policy.Stream), s_calendars.Version, D(2024, 12, 23)), s_team);

    [Fact]
    public void Adult_social_care_deadline_ignores_council_closure_days_as_the_2009_regulations_define_working_days()
    {
        var c = Open(DefaultPolicies.AdultSocialCare, "adult-social-care");

        var acknowledge = c.Deadlines.Single(d => d.Kind == ClockKind.Acknowledge);

        // 24th (1), 25-26 Christmas, 27th (2) though the council is closed, weekend, 30th (3).
        Assert.Equal(D(2024, 12, 30), acknowledge.Due);
        Assert.Contains("Local Authority Social Services and National Health Service Complaints (England) Regulations 2009", acknowledge.Explanation);
        Assert.Contains("council closure days are working days", acknowledge.Explanation);
    }

    [Fact]
    public void Childrens_social_care_deadline_ignores_council_closure_days_as_the_2006_regulations_define_working_days()
    {
        var c = Open(DefaultPolicies.ChildrenSocialCare, "childrens-social-care");

        var respond = c.Deadlines.Single(d => d.Kind == ClockKind.Respond);

        // 10 working days: 24, 27, 30, 31 December, 2, 3, 6, 7, 8, 9 January.
        Assert.Equal(D(2025, 1, 9), respond.Due);
        Assert.Contains("Children Act 1989 Representations Procedure (England) Regulations 2006", respond.Explanation);
    }

    [Theory]
    [InlineData(ComplaintStream.Corporate)]
    [InlineData(ComplaintStream.Housing)]
    public void Corporate_and_housing_deadlines_skip_council_closure_days_as_the_codes_leave_working_days_to_the_council(ComplaintStream stream)
    {
        var calendar = s_calendars.For(stream);

        Assert.Equal(D(2025, 1, 3), calendar.AddWorkingDays(s_received, 3));
        Assert.Contains("council closure days are not working days", calendar.ExplainAddWorkingDays(s_received, 3).ToString());
    }
}
