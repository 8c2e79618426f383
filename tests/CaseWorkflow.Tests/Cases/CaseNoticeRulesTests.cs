using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Xunit;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using Division = ComplaintsPlatform.Calendar.Division;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>
/// Who may act at Stage 2, telling the person of extensions and late responses, when a request to escalate
/// counts from, and what history entered by hand writes to the person: the aggregate alone, without a database.
/// </summary>
public sealed class CaseNoticeRulesTests
{
    private static readonly WorkingDayCalendar s_calendar = new(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales));
    private static readonly DateOnly s_today = new(2025, 6, 30);
    private static readonly Actor s_team = new("officer-team", "complaints_team", new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));
    private static readonly Actor s_handler = new("officer-hwy-01", "handler", s_team.Now);
    private static readonly Actor s_otherHandler = new("officer-hwy-02", "handler", s_team.Now);

    private static CaseRules Rules(DateOnly? today = null, ProcedurePolicy? policy = null) =>
        new(policy ?? DefaultPolicies.Corporate, s_calendar, "calendar-v1", today ?? s_today);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static Dictionary<string, Finding> Upheld => new() { ["issue-1"] = Finding.Upheld };

    // Received Monday 3 March 2025, acknowledged 5 March (response due Wed 19 March), allocated to officer-hwy-01.
    private static Case ReadyToRespond(ProcedurePolicy? policy = null)
    {
        var c = Case.Open(Guid.NewGuid(), "REF-1", "contact-1", "person-1", "highways-maintenance", "environment-transport",
            new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero), true, Rules(policy: policy), s_team);
        c.Acknowledge("Pothole not repaired", "Repair it", null, D(3, 5), Rules(policy: policy), s_team);
        c.DefineIssue("Delay in repair", D(3, 5), Rules(policy: policy), s_team);
        c.Allocate("environment-transport", "highways-maintenance", "highways-north", "officer-hwy-01", default, D(3, 6), Rules(policy: policy), s_team);
        return c;
    }

    /// <summary>Stage 1 answered by officer-hwy-01 on Tue 18 March, then escalated, accepted and acknowledged at Stage 2.</summary>
    private static Case AtStage2()
    {
        var c = ReadyToRespond();
        c.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(), s_handler);
        c.RequestEscalation("Still not repaired", D(3, 25), Rules(), s_team);
        c.AcceptEscalation(D(3, 26), Rules(), s_team);
        c.Acknowledge("Repair still outstanding", "Repair", null, D(3, 27), Rules(), s_team);
        return c;
    }

    private static void Refused(Action action, string reasonFragment)
    {
        var ex = Assert.Throws<RuleViolationException>(action);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Stage_2_refuses_every_act_by_the_officer_who_handled_stage_1_while_the_complaints_teams_review_stays_open()
    {
        var c = AtStage2();
        c.Allocate("environment-transport", "highways-maintenance", "highways-south", "officer-hwy-02", default, D(3, 27), Rules(), s_team);

        // The team keeps the case after the escalation, so the Stage 1 handler could otherwise reach it.
        Refused(() => c.Extend(5, "More time", true, D(3, 28), Rules(), s_handler), "someone other than");
        Refused(() => c.DraftResponse(Upheld, Finding.Upheld, "Stage 2 draft", Rules(), s_handler), "someone other than");
        Refused(() => c.SendResponse(Upheld, Finding.Upheld, "Stage 2 response", D(4, 10), Rules(), s_handler), "someone other than");
        Assert.Empty(c.Stage.Extensions);
        Assert.Null(c.Stage.Response);

        c.DraftResponse(Upheld, Finding.Upheld, "Stage 2 draft", Rules(), s_otherHandler);
        c.ReviewResponse(true, "", Rules(), s_team);
        c.SendResponse(null, Finding.Unspecified, "", D(4, 10), Rules(), s_otherHandler);
        Assert.Equal(V1.CaseStatus.Closed, c.Status);
    }

    [Fact]
    public void The_stage_1_responder_is_recorded_among_its_handlers_and_may_not_be_allocated_stage_2()
    {
        var c = ReadyToRespond();
        // A colleague in the team sent the Stage 1 response for the allocated handler.
        var colleague = s_handler with { Id = "officer-hwy-03" };
        c.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(), colleague);

        Assert.Equal(new[] { "officer-hwy-01", "officer-hwy-03" }, c.Stage.HandlerIds);
        Assert.Equal("officer-hwy-03", c.Stage.Response!.SentBy);

        c.RequestEscalation("", D(3, 25), Rules(), s_team);
        c.AcceptEscalation(D(3, 26), Rules(), s_team);
        Refused(() => c.Allocate("environment-transport", "highways-maintenance", "highways-north", "officer-hwy-03", default, D(3, 26), Rules(), s_team),
            "someone other than");
    }

    [Fact]
    public void An_extension_is_never_silent_the_person_is_sent_the_notice_or_the_officer_records_how_and_when_they_were_told()
    {
        // Made today: the notice goes by default, with the reason, the new date and the Ombudsman.
        var today = ReadyToRespond();
        today.Extend(10, "Awaiting the contractor's report", false, null, Rules(D(3, 14)), s_handler);
        var notice = Assert.Single(today.PendingLetters, l => l.TemplateCode == "EXTENSION_NOTICE");
        Assert.Equal(("2025-04-02", "Lgsco"), (notice.Facts["new_due"], notice.Facts["next_body"]));
        Assert.Equal("Awaiting the contractor's report", notice.Texts["extension_reason"]);

        // Entered afterwards, without a notice: only with how and when the person was told.
        var later = ReadyToRespond();
        Refused(() => later.Extend(10, "Awaiting a report", false, D(3, 14), Rules(), s_handler), "never silent");
        Refused(() => later.Extend(10, "Awaiting a report", false, D(3, 14), Rules(D(3, 14)), s_handler, notifyPerson: false), "never silent");
        later.Extend(10, "Awaiting a report", false, D(3, 14), Rules(), s_handler, told: new PersonTold(NoticeChannel.Phone, D(3, 14)));
        var extension = Assert.Single(later.Stage.Extensions);
        Assert.Equal((NoticeChannel.Phone, D(3, 14), false), (extension.PersonToldBy, extension.PersonToldOn, extension.NoticeRequested));
        Assert.DoesNotContain(later.PendingLetters, l => l.TemplateCode == "EXTENSION_NOTICE");
    }

    [Fact]
    public void An_extension_asked_for_after_the_deadline_has_passed_is_refused_and_the_response_counts_as_late()
    {
        var c = ReadyToRespond();
        Refused(() => c.Extend(10, "Awaiting a report", true, D(3, 20), Rules(), s_handler), "before the deadline passes");

        c.SendResponse(Upheld, Finding.Upheld, "Sorry for the delay", D(3, 21), Rules(), s_handler);
        Assert.False(c.Stage.Response!.WithinExtendedDeadline);
        Assert.Equal(2, c.Stage.Response.WorkingDaysLate);
    }

    [Fact]
    public void A_missed_code_stream_response_deadline_gives_the_handler_a_task_and_recording_the_delay_writes_to_the_person()
    {
        var c = ReadyToRespond(DefaultPolicies.Housing);
        var housing = Rules(D(3, 20), DefaultPolicies.Housing);
        Refused(() => c.RecordResponseDelay("Awaiting the contractor", D(4, 4), D(3, 19), housing, s_handler), "not late yet");

        var notes = c.Remind(housing, new Actor("deadline-watcher", "system", s_team.Now));

        var task = Assert.Single(notes, n => n.Kind == ReminderKind.RecordDelay);
        Assert.Equal(("officer-hwy-01", ClockKind.Respond, D(3, 19)), (task.OfficerId, task.Clock, task.Due));
        Assert.DoesNotContain(c.PendingLetters, l => l.TemplateCode == "DELAY_NOTICE");

        c.RecordResponseDelay("Awaiting the contractor", D(4, 4), null, housing, s_handler);

        var letter = Assert.Single(c.PendingLetters, l => l.TemplateCode == "DELAY_NOTICE");
        Assert.Equal(("2025-03-19", "2025-04-04", "HousingOmbudsman"), (letter.Facts["missed_due"], letter.Facts["expected_due"], letter.Facts["next_body"]));
        Assert.Equal("Awaiting the contractor", letter.Texts["delay_reasons"]);
        Assert.Equal(D(4, 4), Assert.Single(c.Stage.Delays).ExpectedOn);
        // Still late: the deadline is not moved.
        Assert.Equal(D(3, 19), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);
    }

    [Fact]
    public void A_missed_adult_social_care_response_date_gives_its_delay_notice_and_no_code_stream_task()
    {
        var adult = DefaultPolicies.AdultSocialCare;
        var c = Case.Open(Guid.NewGuid(), "REF-2", "contact-2", "person-2", "adult-social-care", "adults", new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero),
            true, Rules(policy: adult), s_team);
        c.Acknowledge("Care package", "Review", null, D(3, 4), Rules(D(3, 4), adult), s_team, discussionOffered: true);
        c.AgreeResponsePeriod(D(4, 1), D(3, 4), Rules(D(3, 4), adult), s_team);

        var notes = c.Remind(Rules(D(4, 2), adult), new Actor("deadline-watcher", "system", s_team.Now));

        Assert.DoesNotContain(notes, n => n.Kind == ReminderKind.RecordDelay);
        Assert.Single(c.PendingLetters, l => l.TemplateCode == "DELAY_NOTICE");
    }

    [Fact]
    public void An_escalation_requested_after_close_of_business_counts_from_the_next_working_day()
    {
        var c = ReadyToRespond();
        c.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(), s_handler);

        // Friday 21 March 2025, 17:30 (GMT): counted as received Monday 24 March.
        c.RequestEscalation("Not resolved", null, Rules(), s_team, new DateTimeOffset(2025, 3, 21, 17, 30, 0, TimeSpan.Zero));

        var request = Assert.Single(c.Escalations);
        Assert.Equal((D(3, 21), D(3, 24), true), (request.RequestedOn, request.CountedFrom, request.WithinWindow));
        // 5 working days from Monday 24 March, not from Friday 21 (which would give Friday 28).
        Assert.Equal(D(3, 31), c.Deadlines.Single(d => d.Stage == 2 && d.Kind == ClockKind.Acknowledge).Due);
    }

    [Fact]
    public void An_escalation_requested_on_a_non_working_day_counts_from_the_next_working_day()
    {
        var c = ReadyToRespond();
        c.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(), s_handler);

        // Saturday 22 March 2025, its time not known.
        c.RequestEscalation("Not resolved", D(3, 22), Rules(), s_team);

        Assert.Equal(D(3, 24), Assert.Single(c.Escalations).CountedFrom);
        var acknowledge = c.Deadlines.Single(d => d.Stage == 2 && d.Kind == ClockKind.Acknowledge);
        Assert.Equal(D(3, 31), acknowledge.Due);
        Assert.Contains("a non-working day", acknowledge.Explanation);
    }

    [Fact]
    public void History_entered_by_hand_writes_to_no_one_unless_asked_and_a_fact_dated_today_does()
    {
        var history = ReadyToRespond();
        history.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(), s_handler);
        history.RequestEscalation("", D(3, 25), Rules(), s_team);
        history.RefuseEscalation("ALREADY_DETERMINED", "Answered", D(3, 26), Rules(), s_team);
        Assert.Empty(history.PendingLetters);
        Assert.Contains(history.Facts, f => f.Kind == "RESPONSE_SENT" && f.Summary.Contains("not written to"));

        var asked = ReadyToRespond();
        asked.SendResponse(Upheld, Finding.Upheld, "We are sorry", D(3, 18), Rules(), s_handler, notifyPerson: true);
        Assert.Single(asked.PendingLetters, l => l.TemplateCode == "STAGE_RESPONSE");

        var live = ReadyToRespond();
        live.SendResponse(Upheld, Finding.Upheld, "We are sorry", null, Rules(D(3, 18)), s_handler);
        Assert.Single(live.PendingLetters, l => l.TemplateCode == "STAGE_RESPONSE");
        // ReadyToRespond's acknowledgement was entered on 30 June, back-dated to 5 March: it wrote nothing.
        Assert.DoesNotContain(live.PendingLetters, l => l.TemplateCode == "CASE_ACKNOWLEDGED");
    }
}
