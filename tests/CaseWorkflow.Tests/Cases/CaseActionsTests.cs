using System.Reflection;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.Grpc;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.AspNetCore.Authorization;
using Xunit;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using Division = ComplaintsPlatform.Calendar.Division;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>What the case offers an officer, from its state and their role, without a database.</summary>
public sealed class CaseActionsTests
{
    private static readonly WorkingDayCalendar s_calendar = new(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales));
    private static readonly Actor s_team = new("officer-team", Roles.ComplaintsTeam, new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));
    private static readonly Actor s_handler = new("officer-hwy-01", Roles.Handler, s_team.Now);
    private static readonly HashSet<string> s_asTeam = [Roles.ComplaintsTeam];
    private static readonly HashSet<string> s_asHandler = [Roles.Handler];
    private static readonly HashSet<string> s_none = [];

    private static CaseRules Rules(ProcedurePolicy? policy = null, DateOnly? today = null) =>
        new(policy ?? DefaultPolicies.Corporate, s_calendar, "calendar-v1", today ?? new DateOnly(2025, 6, 30));

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static Case Opened(ProcedurePolicy? policy = null) => Case.Open(Guid.NewGuid(), "REF-1", "contact-1", "person-1",
        "highways-maintenance", "environment-transport", new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero), true, Rules(policy), s_team);

    private static Case Ready(ProcedurePolicy? policy = null)
    {
        var c = Opened(policy);
        c.Acknowledge("Pothole not repaired", "Repair it", D(2, 20), D(3, 5), Rules(policy), s_team);
        c.DefineIssue("Delay in repair", D(3, 5), Rules(policy), s_team);
        c.Allocate("environment-transport", "highways-maintenance", "highways-north", "officer-hwy-01", default, D(3, 6), Rules(policy), s_team);
        return c;
    }

    private static Case EscalationRequested(ProcedurePolicy? policy = null)
    {
        var c = Ready(policy);
        c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "Sorry", D(3, 18), Rules(policy), s_handler);
        c.RequestEscalation("Still not repaired", D(3, 20), Rules(policy), s_team);
        return c;
    }

    // Offered as of 12 March 2025 unless said otherwise: a response acknowledged on 5 March is due on 19 March.
    private static IReadOnlyList<CaseAction> Offered(Case c, HashSet<string> roles, ProcedurePolicy? policy = null, string officer = "officer-x",
        IReadOnlySet<string>? serviceAreas = null, DateOnly? today = null) =>
        c.AvailableActions(officer, roles, serviceAreas ?? new HashSet<string>(), Rules(policy, today ?? D(3, 12)));

    [Fact]
    public void A_new_case_offers_the_complaints_team_acknowledgement_issues_allocation_and_ending_but_not_a_response()
    {
        var offered = Offered(Opened(), s_asTeam);

        Assert.Equal(
            [CaseAction.Acknowledge, CaseAction.DefineIssue, CaseAction.Allocate, CaseAction.LogTime, CaseAction.EndCase, CaseAction.AddRemedy,
                CaseAction.RaiseSafeguardingConcern],
            offered);
    }

    [Fact]
    public void A_handler_is_offered_only_the_handlers_actions_and_a_reader_nothing()
    {
        var c = Ready();

        Assert.Equal(
            [CaseAction.Extend, CaseAction.LogTime, CaseAction.DraftResponse, CaseAction.SendResponse, CaseAction.AddRemedy, CaseAction.RecordLearning,
                CaseAction.RaiseSafeguardingConcern],
            Offered(c, s_asHandler));
        Assert.Empty(Offered(c, s_none));
    }

    [Fact]
    public void An_allocated_case_offers_reallocation_instead_of_allocation()
    {
        var offered = Offered(Ready(), s_asTeam);

        Assert.Contains(CaseAction.Reallocate, offered);
        Assert.DoesNotContain(CaseAction.Allocate, offered);
        Assert.DoesNotContain(CaseAction.Acknowledge, offered);
    }

    [Fact]
    public void Once_the_response_deadline_passes_the_handler_is_offered_the_late_response_task_instead_of_an_extension()
    {
        var c = Ready();

        var late = Offered(c, s_asHandler, today: D(3, 20));

        Assert.Contains(CaseAction.RecordResponseDelay, late);
        Assert.DoesNotContain(CaseAction.Extend, late);
        Assert.DoesNotContain(CaseAction.RecordResponseDelay, Offered(c, s_asHandler, today: D(3, 19)));
    }

    [Fact]
    public void At_stage2_the_stage1_handler_is_offered_no_extension_draft_or_response_but_the_new_handler_is()
    {
        var c = Ready();
        c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "Sorry", D(3, 18), Rules(), s_handler);
        c.RequestEscalation("Not resolved", D(3, 20), Rules(), s_team);
        c.AcceptEscalation(D(3, 21), Rules(), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 24), Rules(), s_team);
        c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", default, D(3, 24), Rules(), s_team);

        var stage1Handler = Offered(c, s_asHandler, officer: "officer-hwy-01", today: D(3, 25));
        var stage2Handler = Offered(c, s_asHandler, officer: "officer-hwy-02", today: D(3, 25));

        Assert.DoesNotContain(CaseAction.Extend, stage1Handler);
        Assert.DoesNotContain(CaseAction.DraftResponse, stage1Handler);
        Assert.DoesNotContain(CaseAction.SendResponse, stage1Handler);
        Assert.Contains(CaseAction.Extend, stage2Handler);
        Assert.Contains(CaseAction.SendResponse, stage2Handler);
    }

    [Fact]
    public void Extension_is_no_longer_offered_once_the_policy_limit_is_used()
    {
        var c = Ready();
        Assert.Contains(CaseAction.Extend, Offered(c, s_asHandler, today: D(3, 14)));
        c.Extend(10, "Awaiting a report", true, D(3, 14), Rules(), s_handler);

        Assert.DoesNotContain(CaseAction.Extend, Offered(c, s_asHandler, today: D(3, 14)));
    }

    [Fact]
    public void A_draft_is_offered_for_review_and_a_returned_draft_cannot_be_sent()
    {
        var c = Ready();
        c.DraftResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "Draft", Rules(), s_handler);
        Assert.Contains(CaseAction.ReviewResponse, Offered(c, s_asTeam));

        c.ReviewResponse(false, "Explain the delay", Rules(), s_team);

        Assert.DoesNotContain(CaseAction.SendResponse, Offered(c, s_asHandler));
        Assert.DoesNotContain(CaseAction.ReviewResponse, Offered(c, s_asTeam));
        Assert.Contains(CaseAction.DraftResponse, Offered(c, s_asHandler));
    }

    [Fact]
    public void A_corporate_escalation_request_may_be_accepted_or_refused()
    {
        var offered = Offered(EscalationRequested(), s_asTeam);

        Assert.Contains(CaseAction.AcceptEscalation, offered);
        Assert.Contains(CaseAction.RefuseEscalation, offered);
        Assert.DoesNotContain(CaseAction.EndCase, offered);
    }

    [Fact]
    public void A_housing_escalation_request_offers_no_refusal()
    {
        var offered = Offered(EscalationRequested(DefaultPolicies.Housing), s_asTeam, DefaultPolicies.Housing);

        Assert.Contains(CaseAction.AcceptEscalation, offered);
        Assert.DoesNotContain(CaseAction.RefuseEscalation, offered);
    }

    [Fact]
    public void Escalation_is_offered_after_a_stage1_response_but_not_after_the_final_one()
    {
        var c = Ready();
        c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "Sorry", D(3, 18), Rules(), s_handler);
        Assert.Contains(CaseAction.RequestEscalation, Offered(c, s_asTeam));

        c.RequestEscalation("Not resolved", D(3, 20), Rules(), s_team);
        c.AcceptEscalation(D(3, 21), Rules(), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 24), Rules(), s_team);
        c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", default, D(3, 24), Rules(), s_team);
        c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "Final", D(4, 10), Rules(),
            s_handler with { Id = "officer-hwy-02" });

        Assert.DoesNotContain(CaseAction.RequestEscalation, Offered(c, s_asTeam));
    }

    [Fact]
    public void Learning_review_is_offered_only_to_someone_outside_the_service_who_did_not_handle_it()
    {
        var c = Ready();
        c.RecordLearning("DELAY_IN_RESPONSE", "Backlog", "Triage daily", [], D(3, 10), Rules(), s_handler);

        Assert.Contains(CaseAction.ReviewLearning, Offered(c, [Roles.ServiceLead], officer: "lead-1"));
        Assert.DoesNotContain(CaseAction.ReviewLearning, Offered(c, [Roles.ServiceLead], officer: "lead-1", serviceAreas: new HashSet<string> { "highways-maintenance" }));
        Assert.DoesNotContain(CaseAction.ReviewLearning, Offered(c, s_asTeam, officer: "officer-hwy-01"));
        Assert.Equal([CaseAction.ReviewLearning], Offered(c, [Roles.ServiceLead], officer: "lead-1"));
    }

    [Fact]
    public void A_completed_remedy_is_not_offered_for_completion_again()
    {
        var c = Ready();
        c.AddRemedy("APOLOGY", "Apologise", 0, "officer-hwy-01", D(4, 1), D(3, 10), Rules(), s_handler);
        Assert.Contains(CaseAction.CompleteRemedy, Offered(c, s_asHandler));

        c.CompleteRemedy("remedy-1", D(3, 12), Rules(), s_handler);

        Assert.DoesNotContain(CaseAction.CompleteRemedy, Offered(c, s_asHandler));
    }

    [Theory]
    [InlineData(CaseAction.Acknowledge, "Acknowledge")]
    [InlineData(CaseAction.DefineIssue, "DefineIssue")]
    [InlineData(CaseAction.Allocate, "Allocate")]
    [InlineData(CaseAction.Reallocate, "Allocate")]
    [InlineData(CaseAction.Extend, "Extend")]
    [InlineData(CaseAction.DraftResponse, "DraftResponse")]
    [InlineData(CaseAction.ReviewResponse, "ReviewResponse")]
    [InlineData(CaseAction.SendResponse, "RecordResponse")]
    [InlineData(CaseAction.EndCase, "EndCase")]
    [InlineData(CaseAction.RequestEscalation, "RequestEscalation")]
    [InlineData(CaseAction.AcceptEscalation, "AcceptEscalation")]
    [InlineData(CaseAction.RefuseEscalation, "RefuseEscalation")]
    [InlineData(CaseAction.AddRemedy, "AddRemedy")]
    [InlineData(CaseAction.CompleteRemedy, "CompleteRemedy")]
    [InlineData(CaseAction.RecordLearning, "RecordLearning")]
    [InlineData(CaseAction.ReviewLearning, "ReviewLearning")]
    [InlineData(CaseAction.RecordResponseDelay, "RecordResponseDelay")]
    public void Each_action_is_offered_to_exactly_the_roles_its_rpc_lets_in(CaseAction action, string rpc)
    {
        var authorize = typeof(CasesService).GetMethod(rpc)!.GetCustomAttribute<AuthorizeAttribute>()!;

        Assert.Equal(authorize.Roles!.Split(',').Order(), Case.ActionRoles[action].Order());
    }

    [Theory]
    [InlineData(CaseAction.AgreeResponsePeriod, "AgreeResponsePeriod")]
    [InlineData(CaseAction.ExtendBackstop, "ExtendBackstop")]
    [InlineData(CaseAction.RecordDelayReasons, "RecordDelayReasons")]
    [InlineData(CaseAction.RecordEligibility, "RecordEligibility")]
    [InlineData(CaseAction.RecordAdvocacyOffer, "RecordAdvocacyOffer")]
    [InlineData(CaseAction.RaiseSafeguardingConcern, "RaiseSafeguardingConcern")]
    [InlineData(CaseAction.AppointIndependentPerson, "AppointIndependentPerson")]
    [InlineData(CaseAction.RecordAgreedComplaint, "RecordAgreedComplaint")]
    [InlineData(CaseAction.AppointPanel, "AppointPanel")]
    [InlineData(CaseAction.RecordPanelMeeting, "RecordPanelMeeting")]
    [InlineData(CaseAction.RecordPanelReport, "RecordPanelReport")]
    public void Each_statutory_step_is_offered_to_exactly_the_roles_its_rpc_lets_in(CaseAction action, string rpc)
    {
        var authorize = typeof(StatutoryProceduresService).GetMethod(rpc)!.GetCustomAttribute<AuthorizeAttribute>()!;

        Assert.Equal(authorize.Roles!.Split(',').Order(), Case.ActionRoles[action].Order());
    }

    [Fact]
    public void An_adult_case_offers_the_agreed_period_the_backstop_and_delay_reasons_but_no_childrens_steps()
    {
        var adult = DefaultPolicies.AdultSocialCare;
        var c = Opened(adult);
        c.Acknowledge("Care package", "A review", null, D(3, 5), Rules(adult), s_team, discussionOffered: true);

        var offered = Offered(c, s_asHandler, adult);

        Assert.Contains(CaseAction.AgreeResponsePeriod, offered);
        Assert.Contains(CaseAction.ExtendBackstop, offered);
        Assert.Contains(CaseAction.RecordDelayReasons, offered);
        Assert.DoesNotContain(CaseAction.RecordEligibility, Offered(c, s_asTeam, adult));
        Assert.DoesNotContain(CaseAction.AppointPanel, Offered(c, s_asTeam, adult));
        Assert.DoesNotContain(CaseAction.AgreeResponsePeriod, Offered(Ready(), s_asHandler));
    }

    [Fact]
    public void A_childrens_case_offers_eligibility_first_and_nothing_that_proceeds_until_it_is_recorded()
    {
        var children = DefaultPolicies.ChildrenSocialCare;
        var c = Opened(children);

        var before = Offered(c, s_asTeam, children);
        Assert.Contains(CaseAction.RecordEligibility, before);
        Assert.Contains(CaseAction.RecordAdvocacyOffer, before);
        Assert.DoesNotContain(CaseAction.Acknowledge, before);
        Assert.DoesNotContain(CaseAction.Allocate, before);

        c.RecordEligibility(Eligibility.ChildOrYoungPerson, D(3, 4), Rules(children), s_team);
        var after = Offered(c, s_asTeam, children);
        Assert.Contains(CaseAction.Acknowledge, after);
        Assert.Contains(CaseAction.Allocate, after);
        Assert.DoesNotContain(CaseAction.AppointIndependentPerson, after);
        Assert.DoesNotContain(CaseAction.AgreeResponsePeriod, after);
    }

    [Fact]
    public void Safeguarding_is_offered_until_it_is_raised_once()
    {
        var c = Ready();
        Assert.Contains(CaseAction.RaiseSafeguardingConcern, Offered(c, s_asHandler));

        c.RaiseSafeguardingConcern(D(3, 10), Rules(), s_team);

        Assert.DoesNotContain(CaseAction.RaiseSafeguardingConcern, Offered(c, s_asHandler));
    }

    [Fact]
    public void Logging_time_is_offered_to_the_roles_officer_work_lets_in()
    {
        var authorize = typeof(OfficerWorkService).GetMethod("LogTime")!.GetCustomAttribute<AuthorizeAttribute>()!;

        Assert.Equal(authorize.Roles!.Split(',').Order(), Case.ActionRoles[CaseAction.LogTime].Order());
    }
}
