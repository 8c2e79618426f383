using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Xunit;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using Division = ComplaintsPlatform.Calendar.Division;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>The Case aggregate's rules, without a database: each refusal names its reason.</summary>
public sealed class CaseRulesTests
{
    private static readonly WorkingDayCalendar s_calendar = new(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales));
    private static readonly DateOnly s_today = new(2025, 6, 30);
    private static readonly Actor s_team = new("officer-team", "complaints_team", new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));
    private static readonly Actor s_handler = new("officer-hwy-01", "handler", s_team.Now);

    private static CaseRules Rules(ProcedurePolicy? policy = null) => new(policy ?? DefaultPolicies.Corporate, s_calendar, "calendar-v1", s_today);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    // Received Monday 3 March 2025, 10:00.
    private static Case Opened(ProcedurePolicy? policy = null) => Case.Open(Guid.NewGuid(), "REF-1", "contact-1", "person-1",
        "highways-maintenance", "environment-transport", new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero), true, Rules(policy), s_team);

    private static Case ReadyToRespond(ProcedurePolicy? policy = null)
    {
        var c = Opened(policy);
        c.Acknowledge("Pothole not repaired", "Repair it", D(2, 20), D(3, 5), Rules(policy), s_team);
        c.DefineIssue("Delay in repair", D(3, 5), Rules(policy), s_team);
        c.Allocate("environment-transport", "highways-maintenance", "highways-north", "officer-hwy-01", default, D(3, 6), Rules(policy), s_team);
        return c;
    }

    private static Dictionary<string, Finding> Upheld => new() { ["issue-1"] = Finding.Upheld };

    private static Case Responded(ProcedurePolicy? policy = null)
    {
        var c = ReadyToRespond(policy);
        c.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(policy), s_handler);
        return c;
    }

    private static void Refused(Action action, string reasonFragment)
    {
        var ex = Assert.Throws<RuleViolationException>(action);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Acknowledgement_is_due_5_working_days_after_receipt_and_the_response_10_after_acknowledgement()
    {
        var c = Opened();
        var acknowledge = Assert.Single(c.Deadlines);
        Assert.Equal(D(3, 10), acknowledge.Due);
        Assert.Equal("calendar-v1", acknowledge.CalendarVersion);
        Assert.Equal(1, acknowledge.PolicyVersion);
        Assert.Contains("skipped Sat 2025-03-08", acknowledge.Explanation);

        c.Acknowledge("About", "Outcome", null, D(3, 5), Rules(), s_team);

        Assert.Equal(D(3, 5), acknowledge.MetOn);
        Assert.Equal(D(3, 19), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);
        Assert.Equal(D(3, 19), c.NextDeadline);
    }

    [Fact]
    public void Responding_before_acknowledging_is_refused()
    {
        var c = Opened();
        c.DefineIssue("Delay", null, Rules(), s_team);
        Refused(() => c.SendResponse(new Dictionary<string, Finding> { ["issue-1"] = Finding.Upheld }, Finding.Upheld, "x", null, Rules(), s_team),
            "has not been acknowledged");
    }

    [Fact]
    public void Closing_while_an_issue_has_no_finding_is_refused()
    {
        var c = ReadyToRespond();
        c.DefineIssue("Rude officer", D(3, 7), Rules(), s_team);
        Refused(() => c.SendResponse(Upheld, Finding.Upheld, "x", D(3, 18), Rules(), s_handler), "no finding recorded: issue-2");
        Assert.Equal(V1.CaseStatus.Open, c.Status);
    }

    [Fact]
    public void An_extension_past_the_policy_limit_is_refused()
    {
        var c = ReadyToRespond();
        c.Extend(10, "Awaiting a contractor's report", true, D(3, 14), Rules(), s_handler);
        Assert.Equal(D(4, 2), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);

        Refused(() => c.Extend(1, "More time", true, D(3, 20), Rules(), s_handler), "past the policy's limit of 10");
        Assert.Equal("EXTENSION_NOTICE", Assert.Single(c.PendingLetters, l => l.TemplateCode == "EXTENSION_NOTICE").TemplateCode);
    }

    [Fact]
    public void Response_timeliness_is_measured_against_both_the_original_and_the_extended_deadline()
    {
        var c = ReadyToRespond();
        c.Extend(10, "Awaiting a report", false, D(3, 14), Rules(), s_handler, told: new PersonTold(NoticeChannel.Phone, D(3, 14)));
        c.SendResponse(Upheld, Finding.Upheld, "x", D(3, 28), Rules(), s_handler);

        var response = c.Stage.Response!;
        Assert.False(response.WithinOriginalDeadline);
        Assert.True(response.WithinExtendedDeadline);
        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        // The person's window to escalate runs 20 working days from the response (Easter 2025 skipped).
        Assert.Equal(D(4, 29), c.Deadlines.Single(d => d.Kind == ClockKind.EscalationWindow).Due);
    }

    [Fact]
    public void A_draft_returned_by_quality_review_cannot_be_sent()
    {
        var c = ReadyToRespond();
        c.DraftResponse(Upheld, Finding.Upheld, "draft", Rules(), s_handler);
        c.ReviewResponse(false, "Explain the delay", Rules(), s_team);
        Refused(() => c.SendResponse(null, Finding.Unspecified, "", D(3, 18), Rules(), s_handler), "returned by quality review");
    }

    [Fact]
    public void Escalating_a_withdrawn_case_is_refused()
    {
        var c = ReadyToRespond();
        c.End(CaseEnding.Withdrawn, "", D(3, 10), Rules(), s_team);
        Refused(() => c.RequestEscalation("Not happy", D(3, 12), Rules(), s_team), "withdrawn");
    }

    [Fact]
    public void Stage2_by_the_stage1_handler_is_refused_where_the_policy_requires_a_different_person()
    {
        var c = Responded();
        c.RequestEscalation("The repair is still not done", D(3, 25), Rules(), s_team);
        c.AcceptEscalation(D(3, 26), Rules(), s_team);
        Assert.Equal("", c.HandlerId);

        Refused(() => c.Allocate("environment-transport", "highways-maintenance", "highways-north", "officer-hwy-01", default, D(3, 26), Rules(), s_team),
            "someone other than");
        c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", default, D(3, 26), Rules(), s_team);
        Assert.Equal(2, c.CurrentStage);
    }

    [Fact]
    public void Escalation_reasons_are_asked_only_where_a_corporate_council_chooses_to_and_never_for_housing()
    {
        var corporate = Responded();
        corporate.RequestEscalation("", D(3, 25), Rules(), s_team);
        Assert.Equal(V1.CaseStatus.EscalationRequested, corporate.Status);

        var asking = AskingForReasons(DefaultPolicies.Corporate);
        Refused(() => Responded(asking).RequestEscalation("", D(3, 25), Rules(asking), s_team), "say why");

        // The Housing Ombudsman's Code: the resident need not say why, even under a policy that asks.
        var housing = AskingForReasons(DefaultPolicies.Housing);
        var c = Responded(housing);
        c.RequestEscalation("", D(3, 25), Rules(housing), s_team);
        Assert.Equal(V1.CaseStatus.EscalationRequested, c.Status);
    }

    private static ProcedurePolicy AskingForReasons(ProcedurePolicy policy)
    {
        var asking = policy.Clone();
        asking.Stages.Single(s => s.Number == 2).ReasonsRequiredToEscalate = true;
        return asking;
    }

    [Fact]
    public void Refusing_escalation_is_refused_where_the_policy_forbids_it()
    {
        var housing = Responded(DefaultPolicies.Housing);
        housing.RequestEscalation("", D(3, 25), Rules(DefaultPolicies.Housing), s_team);
        Refused(() => housing.RefuseEscalation("ALREADY_DETERMINED", "x", D(3, 26), Rules(DefaultPolicies.Housing), s_team),
            "does not allow refusing");

        var corporate = Responded();
        corporate.RequestEscalation("Not resolved", D(3, 25), Rules(), s_team);
        corporate.RefuseEscalation("ALREADY_DETERMINED", "Already answered", D(3, 26), Rules(), s_team, notifyPerson: true);
        Assert.Equal(CaseEnding.EscalationRefused, corporate.Ending);
        Assert.Single(corporate.PendingLetters, l => l.TemplateCode == "ESCALATION_REFUSED" && l.Facts["next_body"] == "Lgsco");
    }

    [Fact]
    public void Escalating_past_the_last_stage_is_refused_and_points_to_the_ombudsman()
    {
        var c = Responded();
        c.RequestEscalation("Still unhappy", D(3, 25), Rules(), s_team);
        c.AcceptEscalation(D(3, 26), Rules(), s_team);
        c.Acknowledge("About", "Outcome", null, D(3, 27), Rules(), s_team);
        c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", default, D(3, 27), Rules(), s_team);
        c.SendResponse(Upheld, Finding.PartlyUpheld, "Final", D(4, 10), Rules(), s_handler with { Id = "officer-hwy-02" });

        Refused(() => c.RequestEscalation("More", D(4, 14), Rules(), s_team), "Local Government and Social Care Ombudsman");
    }

    [Fact]
    public void A_fact_dated_in_the_future_is_refused()
    {
        var c = Opened();
        Refused(() => c.Acknowledge("About", "Outcome", null, s_today.AddDays(1), Rules(), s_team), "in the future");
        Refused(() => c.Acknowledge("About", "Outcome", s_today.AddDays(1), D(3, 5), Rules(), s_team), "in the future");
    }

    [Fact]
    public void A_fact_dated_before_receipt_is_refused_but_late_logging_of_past_dates_is_accepted()
    {
        var c = Opened();
        Refused(() => c.Acknowledge("About", "Outcome", null, D(3, 2), Rules(), s_team), "before the complaint was received");

        c.Acknowledge("About", "Outcome", null, D(3, 4), Rules(), s_team);
        var fact = c.Facts.Last();
        Assert.Equal(D(3, 4), fact.OccurredOn);
        Assert.Equal(s_team.Now, fact.RecordedAt);
        Assert.Equal("officer-team", fact.RecordedBy);
    }

    [Fact]
    public void A_reallocation_needs_its_reason()
    {
        var c = ReadyToRespond();
        Refused(() => c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", default, D(3, 7), Rules(), s_team),
            "needs its reason");
        c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", ReallocationReason.Absence, D(3, 7), Rules(), s_team);
        Assert.Equal(new[] { "officer-hwy-01", "officer-hwy-02" }, c.Stage.HandlerIds);
    }

    [Fact]
    public void A_financial_remedy_needs_pence_and_one_completed_after_its_due_date_is_late()
    {
        var c = Responded();
        Refused(() => c.AddRemedy("FINANCIAL", "Time and trouble", 0, "officer-hwy-01", D(4, 1), D(3, 18), Rules(), s_handler), "amount in pence");
        Refused(() => c.AddRemedy("APOLOGY", "Apology", 100, "officer-hwy-01", D(4, 1), D(3, 18), Rules(), s_handler), "Only a financial remedy");

        var payment = c.AddRemedy("FINANCIAL", "Time and trouble", 15000, "officer-hwy-01", D(4, 1), D(3, 18), Rules(), s_handler);
        c.CompleteRemedy(payment.Id, D(4, 3), Rules(), s_handler);

        Assert.True(payment.IsLate(s_today));
        Assert.True(Assert.IsType<RemedyCompleted>(c.PendingEvents.Last()).Late);
    }

    [Fact]
    public void Lessons_are_reviewed_by_someone_outside_the_service_complained_about()
    {
        var c = Responded();
        c.RecordLearning("DELAY_IN_RESPONSE", "Contractor backlog", "Chase contractors weekly",
            [new LearningActionRecord("Weekly chase", "officer-hwy-01", D(5, 1), null)], D(3, 20), Rules(), s_handler);

        Refused(() => c.ReviewLearning(new HashSet<string> { "highways-maintenance" }, "ok", D(3, 21), Rules(), s_team with { Id = "lead-1" }),
            "outside the service");
        Refused(() => c.ReviewLearning(new HashSet<string>(), "ok", D(3, 21), Rules(), s_handler), "handled the complaint");

        c.ReviewLearning(new HashSet<string> { "libraries" }, "Sound", D(3, 21), Rules(), s_team);
        Assert.Equal("officer-team", c.Learning!.ReviewedBy);
    }

    [Fact]
    public void A_new_calendar_moves_open_deadlines_records_why_and_asks_Intake_to_tell_the_person()
    {
        var c = ReadyToRespond();
        var closed = new WorkingDayCalendar(BankHolidayData.Shipped,
            new CouncilCalendarSettings(Division.EnglandAndWales) { ClosureDays = [D(3, 12)] });

        var moved = c.RecomputeDeadlines(Rules() with { Calendar = closed, CalendarVersion = "calendar-v2" }, s_team, "closure day added");

        Assert.Equal(1, moved);
        var respond = c.Deadlines.Single(d => d.Kind == ClockKind.Respond);
        Assert.Equal(D(3, 20), respond.Due);
        Assert.Equal("calendar-v2", respond.CalendarVersion);
        Assert.Equal("DEADLINE_MOVED", c.Facts.Last().Kind);
        Assert.Single(c.PendingLetters, l => l.TemplateCode == "DEADLINE_MOVED" && l.Facts["new_due"] == "2025-03-20");
    }

    [Fact]
    public void A_withdrawn_case_has_no_clocks_left_for_a_new_calendar_to_move()
    {
        var c = ReadyToRespond();
        c.End(CaseEnding.Withdrawn, "", D(3, 10), Rules(), s_team);
        var closed = new WorkingDayCalendar(BankHolidayData.Shipped,
            new CouncilCalendarSettings(Division.EnglandAndWales) { ClosureDays = [D(3, 12)] });

        Assert.False(c.HasOpenDeadlines);
        Assert.Equal(0, c.RecomputeDeadlines(Rules() with { Calendar = closed, CalendarVersion = "calendar-v2" }, s_team, "closure day added"));
    }

    [Fact]
    public void A_case_whose_contact_is_re_triaged_as_not_a_complaint_ends_as_reclassified()
    {
        var c = ReadyToRespond();
        c.Reclassified("Enquiry", D(3, 7), s_team);
        Assert.Equal(CaseEnding.Reclassified, c.Ending);
        Assert.Null(c.NextDeadline);
        Refused(() => c.RequestEscalation("x", D(3, 8), Rules(), s_team), "without a response");
    }

    [Fact]
    public void The_stored_document_keeps_every_fact()
    {
        var c = Responded();
        c.AddRemedy("APOLOGY", "Apology", 0, "officer-hwy-01", D(4, 1), D(3, 18), Rules(), s_handler);

        var copy = CaseDocument.Read(CaseDocument.Write(c));

        Assert.Equal(CaseDocument.Write(c), CaseDocument.Write(copy));
        Assert.Equal(Finding.Upheld, copy.Stage.Response!.Findings["issue-1"]);
        Assert.Equal(c.Facts.Count, copy.Facts.Count);
        Assert.Empty(copy.PendingEvents);
    }
}
