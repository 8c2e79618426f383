using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Xunit;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using Division = ComplaintsPlatform.Calendar.Division;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>The statutory procedures' rules on the Case aggregate, without a database.</summary>
public sealed class StatutoryRulesTests
{
    private static readonly WorkingDayCalendar s_calendar = new(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales));
    private static readonly Actor s_team = new("officer-team", "complaints_team", new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private static CaseRules Rules(ProcedurePolicy policy, DateOnly? today = null) =>
        new(policy, s_calendar, "calendar-v1", today ?? new DateOnly(2025, 6, 30));

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static Case Open(ProcedurePolicy policy) => Case.Open(Guid.NewGuid(), "REF-1", "contact-1", "person-1",
        "childrens-social-care", "children-family", new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero), true, Rules(policy), s_team);

    private static void Refused(Action action, string reasonFragment)
    {
        var ex = Assert.Throws<RuleViolationException>(action);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static Case ChildrensAtStage(int stage)
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        var c = Open(policy);
        c.RecordEligibility(Eligibility.ChildOrYoungPerson, D(3, 4), Rules(policy), s_team);
        c.Acknowledge("Contact arrangements", "Review them", null, D(3, 5), Rules(policy), s_team);
        c.DefineIssue("Contact", D(3, 5), Rules(policy), s_team);
        c.Allocate("children-family", "childrens-social-care", "cin-north", "officer-csc-01", default, D(3, 6), Rules(policy), s_team);
        // Stage 1's handler answers it; the complaints team officer acting later took no part in it.
        c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.NotUpheld }, Finding.NotUpheld, "Response", D(3, 14), Rules(policy),
            s_team with { Id = "officer-csc-01", Role = "handler" });
        c.RequestEscalation("Still unhappy", D(3, 20), Rules(policy), s_team);
        c.AcceptEscalation(D(3, 21), Rules(policy), s_team);
        if (stage == 2)
        {
            return c;
        }
        c.Allocate("corporate-resources", "customer-services", "customer-services-team", "officer-cpt-01", default, D(3, 21), Rules(policy), s_team);
        c.Acknowledge("Contact arrangements", "Review them", null, D(3, 21), Rules(policy), s_team);
        c.AppointIndependentPerson("ip-007", D(3, 21), Rules(policy), s_team);
        c.RecordAgreedComplaint("Agreed record", D(3, 24), Rules(policy), s_team);
        c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.NotUpheld }, Finding.NotUpheld, "Response", D(4, 30), Rules(policy), s_team);
        c.RequestEscalation("Review panel please", D(5, 2), Rules(policy), s_team);
        c.AcceptEscalation(D(5, 2), Rules(policy), s_team);
        return c;
    }

    [Fact]
    public void A_childrens_complaint_cannot_proceed_until_eligibility_is_recorded()
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        var c = Open(policy);
        Refused(() => c.Acknowledge("About", "Outcome", null, D(3, 4), Rules(policy), s_team), "record eligibility");
        Refused(() => c.Allocate("children-family", "childrens-social-care", "cin-north", "officer-csc-01", default, D(3, 4), Rules(policy), s_team),
            "record eligibility");

        c.RecordEligibility(Eligibility.NotEligible, D(3, 4), Rules(policy), s_team);
        Refused(() => c.Acknowledge("About", "Outcome", null, D(3, 4), Rules(policy), s_team), "not eligible");

        c.RecordEligibility(Eligibility.SufficientInterest, D(3, 4), Rules(policy), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 4), Rules(policy), s_team);
        Assert.Equal(Eligibility.SufficientInterest, c.Statutory.Eligibility);
    }

    [Fact]
    public void Childrens_stage_1_is_10_working_days_extendable_to_20()
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        var c = Open(policy);
        c.RecordEligibility(Eligibility.ChildOrYoungPerson, D(3, 3), Rules(policy), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 4), Rules(policy), s_team);
        Assert.Equal(D(3, 17), c.NextDeadline);

        c.Extend(10, "Complex", true, D(3, 10), Rules(policy), s_team);

        Assert.Equal(D(3, 31), c.NextDeadline);
        Refused(() => c.Extend(1, "More", true, D(3, 11), Rules(policy), s_team), "limit of 10");
    }

    [Fact]
    public void Stage_2_needs_an_Investigating_Officer_an_Independent_Person_and_the_agreed_record_before_it_proceeds()
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        var c = ChildrensAtStage(2);
        c.Allocate("corporate-resources", "customer-services", "customer-services-team", "officer-cpt-01", default, D(3, 21), Rules(policy), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 21), Rules(policy), s_team);

        Refused(() => c.Extend(5, "Complex", true, D(3, 24), Rules(policy), s_team), "an Independent Person, the agreed written record");
        Refused(() => c.AppointIndependentPerson("officer-cpt-01", D(3, 21), Rules(policy), s_team), "cannot be the Investigating Officer");
        c.AppointIndependentPerson("ip-007", D(3, 21), Rules(policy), s_team);
        Refused(() => c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "x", D(3, 25), Rules(policy), s_team),
            "the agreed written record");
        c.RecordAgreedComplaint("The complaint as agreed", D(3, 24), Rules(policy), s_team);

        c.Extend(40, "Complex investigation", true, D(3, 25), Rules(policy), s_team);
        Refused(() => c.Extend(1, "More", true, D(3, 26), Rules(policy), s_team), "limit of 40");
    }

    [Fact]
    public void The_review_panel_is_three_independent_people_and_never_the_stage_2_Independent_Person()
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        var c = ChildrensAtStage(3);
        var meeting = c.Deadlines.Single(d => d.Stage == 3 && d.Kind == ClockKind.PanelMeeting);
        Assert.Equal(D(5, 2), meeting.StartDate);

        Refused(() => c.AppointPanel(["panel-1", "panel-2"], D(5, 6), Rules(policy), s_team), "3 different independent people");
        Refused(() => c.AppointPanel(["panel-1", "panel-1", "panel-2"], D(5, 6), Rules(policy), s_team), "3 different independent people");
        Refused(() => c.AppointPanel(["panel-1", "ip-007", "panel-2"], D(5, 6), Rules(policy), s_team), "Stage 2 Independent Person");
        Refused(() => c.AppointPanel(["panel-1", "officer-csc-01", "panel-2"], D(5, 6), Rules(policy), s_team), "handled an earlier stage");
        Refused(() => c.RecordPanelMeeting(D(5, 6), Rules(policy), s_team), "not been appointed");

        c.AppointPanel(["panel-1", "panel-2", "panel-3"], D(5, 6), Rules(policy), s_team);
        Refused(() => c.RecordPanelReport(D(5, 7), Rules(policy), s_team), "has not met");
        c.RecordPanelMeeting(D(6, 2), Rules(policy), s_team);
        Assert.Equal(D(6, 9), c.Deadlines.Single(d => d.Kind == ClockKind.PanelReport).Due);
        c.RecordPanelReport(D(6, 6), Rules(policy), s_team);
        Assert.Equal(D(6, 27), c.Deadlines.Single(d => d.Stage == 3 && d.Kind == ClockKind.Respond).Due);
    }

    [Fact]
    public void The_adult_acknowledgement_must_record_the_offer_to_discuss()
    {
        var policy = DefaultPolicies.AdultSocialCare;
        var c = Open(policy);
        Refused(() => c.Acknowledge("About", "Outcome", null, D(3, 5), Rules(policy), s_team), "offer to discuss");

        c.Acknowledge("About", "Outcome", null, D(3, 5), Rules(policy), s_team, discussionOffered: true, discussionAccepted: true);

        Assert.True(c.Statutory.DiscussionOffered);
        Assert.True(c.Statutory.DiscussionAccepted);
    }

    [Fact]
    public void An_agreed_response_date_replaces_the_default_and_cannot_pass_the_backstop_until_the_person_extends_it()
    {
        var policy = DefaultPolicies.AdultSocialCare;
        var c = Open(policy);
        Assert.Equal(D(9, 3), c.Deadlines.Single(d => d.Kind == ClockKind.Backstop).Due);

        c.AgreeResponsePeriod(D(4, 30), D(3, 10), Rules(policy), s_team);
        c.AgreeResponsePeriod(D(6, 30), D(4, 25), Rules(policy), s_team);
        Assert.Equal(D(6, 30), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);
        Refused(() => c.AgreeResponsePeriod(D(10, 1), D(6, 20), Rules(policy), s_team), "extend the backstop");

        c.ExtendBackstop(D(10, 31), D(6, 20), Rules(policy), s_team);
        c.AgreeResponsePeriod(D(10, 1), D(6, 20), Rules(policy), s_team);

        Assert.Equal(3, c.Statutory.AgreedPeriods.Count);
        Assert.Equal(D(10, 1), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);
        Refused(() => c.AgreeResponsePeriod(D(5, 1), D(3, 10), Rules(DefaultPolicies.Corporate), s_team), "not agreed with the person");
    }

    [Fact]
    public void Resolved_orally_is_outside_the_regulations_only_by_the_next_working_day()
    {
        var policy = DefaultPolicies.AdultSocialCare;
        var late = Open(policy);
        Refused(() => late.End(CaseEnding.ResolvedOrally, "", D(3, 5), Rules(policy), s_team), "next working day (2025-03-04)");

        var quick = Open(policy);
        quick.End(CaseEnding.ResolvedOrally, "Sorted on the phone", D(3, 4), Rules(policy), s_team);
        Assert.Equal(CaseEnding.ResolvedOrally, quick.Ending);

        var corporate = Open(DefaultPolicies.Corporate);
        Refused(() => corporate.End(CaseEnding.ResolvedOrally, "", D(3, 3), Rules(DefaultPolicies.Corporate), s_team), "no oral resolution");
    }

    [Fact]
    public void A_missed_agreed_date_and_backstop_give_one_delay_notice_and_each_reminder_is_owed_once()
    {
        var policy = DefaultPolicies.AdultSocialCare;
        var c = Open(policy);
        c.Acknowledge("About", "Outcome", null, D(3, 5), Rules(policy), s_team, discussionOffered: true);
        c.AgreeResponsePeriod(D(6, 30), D(3, 10), Rules(policy), s_team);
        c.ClearPending();

        var soon = c.Remind(Rules(policy, D(6, 27)), s_team);
        Assert.Equal(new[] { (ClockKind.Respond, ReminderKind.DueSoon) }, soon.Select(r => (r.Clock, r.Kind)));
        Assert.Empty(c.Remind(Rules(policy, D(6, 27)), s_team));
        Assert.Equal(D(7, 1), c.NextReminderOn);

        var overdue = c.Remind(Rules(policy, D(9, 10)), s_team);
        Assert.Equal(new[] { ClockKind.Respond, ClockKind.Backstop }, overdue.Select(r => r.Clock).Order());
        Assert.All(overdue, r => Assert.Equal(ReminderKind.Overdue, r.Kind));
        Assert.Single(c.PendingLetters, l => l.TemplateCode == "DELAY_NOTICE");
        Assert.Equal(2, c.Statutory.DelayNotices.Count);
        c.ClearPending();

        Assert.Empty(c.Remind(Rules(policy, D(9, 20)), s_team));
        Assert.Empty(c.PendingLetters);
        Assert.Null(c.NextReminderOn);
    }

    [Fact]
    public void A_deadline_moved_by_an_extension_is_reminded_again_for_its_new_date()
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        var c = Open(policy);
        c.RecordEligibility(Eligibility.ChildOrYoungPerson, D(3, 3), Rules(policy), s_team);
        c.Allocate("children-family", "childrens-social-care", "cin-north", "officer-csc-01", default, D(3, 4), Rules(policy), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 4), Rules(policy), s_team);
        c.ClearPending();

        var first = Assert.Single(c.Remind(Rules(policy, D(3, 13)), s_team));
        Assert.Equal((ReminderKind.DueSoon, D(3, 17), "officer-csc-01"), (first.Kind, first.Due, first.OfficerId));
        Assert.Single(c.PendingLetters, l => l.TemplateCode == "STAFF_REMINDER" && l.Facts["officer_id"] == "officer-csc-01");
        c.Extend(10, "Complex", false, D(3, 14), Rules(policy, D(3, 14)), s_team);
        Assert.Equal(D(3, 27), c.NextReminderOn);

        var again = Assert.Single(c.Remind(Rules(policy, D(3, 27)), s_team));
        Assert.Equal((ReminderKind.DueSoon, D(3, 31)), (again.Kind, again.Due));
    }

    [Fact]
    public void A_safeguarding_concern_is_flagged_once_and_announced()
    {
        var c = Open(DefaultPolicies.ChildrenSocialCare);
        c.ClearPending();

        c.RaiseSafeguardingConcern(D(3, 4), Rules(DefaultPolicies.ChildrenSocialCare), s_team);

        Assert.True(c.SafeguardingConcern);
        Assert.IsType<SafeguardingConcernRaised>(Assert.Single(c.PendingEvents));
        Refused(() => c.RaiseSafeguardingConcern(D(3, 5), Rules(DefaultPolicies.ChildrenSocialCare), s_team), "already raised");
    }
}
