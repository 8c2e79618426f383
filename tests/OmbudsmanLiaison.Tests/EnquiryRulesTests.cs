using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Xunit;
using Division = ComplaintsPlatform.Calendar.Division;
using Enquiry = ComplaintsPlatform.OmbudsmanLiaison.Domain.Enquiry;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>The Enquiry's rules, without a database: each refusal names its reason, each deadline its dates.</summary>
public sealed class EnquiryRulesTests
{
    private static readonly CouncilCalendar.Current s_calendar = new("calendar-v1",
        new CouncilClock(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales)), []);

    private static readonly Actor s_officer = new("link-officer-1", new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));

    private static readonly DocumentColumns s_noDocument = new();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Enquiry Registered(bool preAllocation = false, string? caseId = "case-42") =>
        Enquiry.Register(OmbudsmanBody.Lgsco, "24 001 234", D(2024, 3, 4), "environment", caseId, caseId is null ? null : "CMP-2024-0042",
            preAllocation, "Pothole claim handling", s_officer);

    private static Enquiry Decided(OmbudsmanDecision decision = OmbudsmanDecision.Upheld, DateOnly? reportIssuedOn = null)
    {
        var enquiry = Registered();
        enquiry.RecordDecision(new FinalDecision(decision, D(2024, 5, 10), ClosureReason.Unspecified,
            decision == OmbudsmanDecision.Upheld ? true : null, false, reportIssuedOn), "", s_noDocument, s_officer);
        return enquiry;
    }

    private static void Refused(Action action, string reasonFragment)
    {
        var ex = Assert.Throws<RuleViolationException>(action);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Registering_announces_the_enquiry_and_one_without_a_council_case_predates_the_platform()
    {
        var linked = Registered();
        var received = Assert.IsType<EnquiryReceived>(Assert.Single(linked.PendingEvents));
        Assert.Equal(("case-42", false, false), (received.CaseId, received.PredatesPlatform, received.Imported));

        var older = Registered(caseId: null);
        Assert.True(older.Record.PredatesPlatform);
        Assert.Equal(("link-officer-1", s_officer.Now), (older.Record.RecordedBy, older.Record.RecordedAt));
    }

    [Fact]
    public void Pre_allocation_request_without_a_date_is_due_10_working_days_after_it_arrived_skipping_bank_holidays()
    {
        var enquiry = Registered(preAllocation: true);

        // Thursday 28 March 2024: Good Friday and Easter Monday are not working days.
        var request = enquiry.RecordInformationRequest(D(2024, 3, 28), null, "Initial enquiries", s_noDocument, s_calendar, s_officer);

        Assert.Equal(D(2024, 4, 15), request.DueOn);
        Assert.Equal((Enquiry.PreAllocationWorkingDays, "calendar-v1"), (request.WorkingDays, request.CalendarVersion));
        var due = Assert.IsType<InformationRequestDue>(enquiry.PendingEvents[^1]);
        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 4, Day = 15 }, due.DueOn);
        // The request is also a letter in, both new rows for the caller to insert.
        Assert.Equal(Direction.In, Assert.Single(enquiry.Record.Correspondence).Direction);
        Assert.Equal(2, enquiry.AddedRecords.Count);
    }

    [Fact]
    public void Request_with_the_Ombudsmans_date_keeps_it_and_counts_no_working_days()
    {
        var request = Registered(preAllocation: true).RecordInformationRequest(D(2024, 3, 4), D(2024, 3, 8), "Questions", s_noDocument, s_calendar, s_officer);

        Assert.Equal((D(2024, 3, 8), 0, ""), (request.DueOn, request.WorkingDays, request.CalendarVersion));
    }

    [Fact]
    public void Only_a_pre_allocation_enquirys_request_may_run_without_the_Ombudsmans_date() =>
        Refused(() => Registered().RecordInformationRequest(D(2024, 3, 4), null, "Questions", s_noDocument, s_calendar, s_officer),
            "pre-allocation");

    [Fact]
    public void A_decided_enquiry_refuses_further_information_requests() =>
        Refused(() => Decided().RecordInformationRequest(D(2024, 5, 20), D(2024, 6, 1), "More", s_noDocument, s_calendar, s_officer),
            "has decided this enquiry");

    [Fact]
    public void A_calendar_change_moves_a_working_day_deadline_once_and_leaves_a_given_date_alone()
    {
        var enquiry = Registered(preAllocation: true);
        var counted = enquiry.RecordInformationRequest(D(2024, 3, 4), null, "Counted", s_noDocument, s_calendar, s_officer);
        var given = enquiry.RecordInformationRequest(D(2024, 3, 4), D(2024, 3, 8), "Given", s_noDocument, s_calendar, s_officer);
        var closed = new CouncilCalendar.Current("calendar-v2", new CouncilClock(BankHolidayData.Shipped,
            new CouncilCalendarSettings(Division.EnglandAndWales) { ClosureDays = [D(2024, 3, 11)] }), []);

        var moved = Enquiry.RecomputeDue(counted, closed);

        Assert.Equal((D(2024, 3, 19), "calendar-v2"), (counted.DueOn, counted.CalendarVersion));
        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 3, Day = 19 }, moved!.DueOn);
        Assert.Null(Enquiry.RecomputeDue(counted, closed));
        Assert.Null(Enquiry.RecomputeDue(given, closed));
    }

    [Fact]
    public void A_reply_after_the_due_date_is_late_and_a_request_is_answered_once()
    {
        var enquiry = Registered(preAllocation: true);
        var request = enquiry.RecordInformationRequest(D(2024, 3, 4), null, "Initial enquiries", s_noDocument, s_calendar, s_officer);

        enquiry.RecordReply(request.Id, D(2024, 3, 19), "Sent the file", s_noDocument, s_officer);

        Assert.True(request.Late);
        Assert.True(Assert.IsType<InformationRequestAnswered>(enquiry.PendingEvents[^1]).Late);
        Refused(() => enquiry.RecordReply(request.Id, D(2024, 3, 20), "Again", s_noDocument, s_officer), "already answered on 2024-03-19");
    }

    [Fact]
    public void Comments_on_a_draft_decision_need_the_draft_and_are_recorded_once()
    {
        var enquiry = Registered();
        Refused(() => enquiry.RecordDraftComments(D(2024, 4, 26), "Accept", s_noDocument, s_officer), "No draft decision");

        enquiry.RecordDraftDecision(D(2024, 4, 15), D(2024, 4, 29), s_noDocument, s_officer);
        enquiry.RecordDraftComments(D(2024, 4, 26), "Accept", s_noDocument, s_officer);

        Refused(() => enquiry.RecordDraftComments(D(2024, 4, 27), "Again", s_noDocument, s_officer), "already recorded");
        // A new draft from the Ombudsman asks for comments again.
        enquiry.RecordDraftDecision(D(2024, 5, 1), D(2024, 5, 15), s_noDocument, s_officer);
        Assert.Null(enquiry.Record.CommentsSentOn);
    }

    [Fact]
    public void The_final_decision_is_recorded_once_and_ends_the_drafts()
    {
        var enquiry = Decided(OmbudsmanDecision.NotUpheld);

        Refused(() => enquiry.RecordDecision(new FinalDecision(OmbudsmanDecision.Upheld, D(2024, 5, 11), ClosureReason.Unspecified, true, false),
            "", s_noDocument, s_officer), "already recorded (NOT_UPHELD)");
        Refused(() => enquiry.RecordDraftDecision(D(2024, 5, 11), D(2024, 5, 20), s_noDocument, s_officer), "final decision is already recorded");
    }

    [Fact]
    public void Public_interest_report_notice_due_in_2_weeks_available_3_weeks_from_notice_response_due_in_3_months()
    {
        var enquiry = Decided(reportIssuedOn: D(2024, 5, 10));

        Assert.Equal((D(2024, 5, 24), D(2024, 6, 14), D(2024, 8, 10)),
            (enquiry.Record.PublicNoticeDueOn, enquiry.Record.ReportAvailableUntil, enquiry.Record.ReportResponseDueOn));
        var issued = Assert.IsType<PublicInterestReportIssued>(Assert.Single(enquiry.PendingEvents, e => e is PublicInterestReportIssued));
        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 6, Day = 14 }, issued.AvailableUntil);
        Assert.True(Assert.IsType<OmbudsmanDecisionRecorded>(enquiry.PendingEvents[1]).PublicInterestReport);
    }

    [Fact]
    public void Notice_given_late_keeps_the_report_available_3_weeks_from_that_day_live_and_imported_alike()
    {
        var live = Decided(reportIssuedOn: D(2024, 5, 10));
        live.RecordPublicInterestStep(DeadlineKind.PublicNotice, D(2024, 5, 31));
        live.RecordPublicInterestStep(DeadlineKind.PublicInterestResponse, D(2024, 8, 1));

        var imported = Registered();
        imported.RecordHistoricDecision(new FinalDecision(OmbudsmanDecision.Upheld, D(2024, 5, 10), ClosureReason.Unspecified, true, false, D(2024, 5, 10)),
            D(2024, 5, 31), D(2024, 8, 1));

        foreach (var record in new[] { live.Record, imported.Record })
        {
            Assert.Equal((D(2024, 5, 24), D(2024, 5, 31), D(2024, 6, 21), D(2024, 8, 10), D(2024, 8, 1)),
                (record.PublicNoticeDueOn, record.PublicNoticeGivenOn, record.ReportAvailableUntil, record.ReportResponseDueOn, record.ReportResponseSentOn));
        }
        var issued = Assert.IsType<PublicInterestReportIssued>(Assert.Single(imported.PendingEvents, e => e is PublicInterestReportIssued));
        Assert.True(issued.Imported);
        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 6, Day = 21 }, issued.AvailableUntil);
    }

    [Fact]
    public void A_public_interest_step_without_a_report_is_refused() =>
        Refused(() => Decided().RecordPublicInterestStep(DeadlineKind.PublicNotice, D(2024, 5, 20)), "No public interest report");

    [Fact]
    public void A_premature_decision_sends_a_council_case_back_but_not_one_predating_the_platform_nor_history()
    {
        var premature = new FinalDecision(OmbudsmanDecision.Premature, D(2025, 6, 9), ClosureReason.Unspecified, null, false);
        var live = Registered();
        live.RecordDecision(premature, "Stage 2 not yet completed", s_noDocument, s_officer);
        var older = Registered(caseId: null);
        older.RecordDecision(premature, "", s_noDocument, s_officer);
        var imported = Registered();
        imported.RecordHistoricDecision(premature, null, null);

        var referral = Assert.IsType<ReferredBackForLocalResolution>(Assert.Single(live.PendingEvents, e => e is ReferredBackForLocalResolution));
        Assert.Equal(("case-42", "CMP-2024-0042"), (referral.CaseId, referral.CaseReference));
        Assert.Equal("Stage 2 not yet completed", live.Record.DecisionNote);
        Assert.DoesNotContain(older.PendingEvents, e => e is ReferredBackForLocalResolution);
        Assert.DoesNotContain(imported.PendingEvents, e => e is ReferredBackForLocalResolution);
        Assert.Empty(imported.Record.Correspondence);
    }

    [Fact]
    public void Recommendations_follow_only_an_upheld_decision()
    {
        Refused(() => Registered().AgreeRecommendation(RecommendationType.Apology, "Apologise", 0, D(2024, 5, 10), D(2024, 6, 10), s_officer),
            "record the decision first");
        Refused(() => Decided(OmbudsmanDecision.NotUpheld).AgreeRecommendation(RecommendationType.Apology, "Apologise", 0, D(2024, 5, 10), D(2024, 6, 10), s_officer),
            "this enquiry's is NOT_UPHELD");
    }

    [Fact]
    public void A_recommendation_completed_after_its_due_date_is_late_and_after_12_months_from_the_decision_delayed_and_completes_once()
    {
        var enquiry = Decided();
        var onTime = enquiry.AgreeRecommendation(RecommendationType.Apology, "Apologise", 0, D(2024, 5, 10), D(2024, 6, 10), s_officer);
        var improvement = enquiry.AgreeRecommendation(RecommendationType.ServiceImprovement, "Inspect", 0, D(2024, 5, 10), D(2024, 8, 10), s_officer);

        enquiry.CompleteRecommendation(onTime.Id, D(2024, 6, 3), "Letter sent", s_noDocument, D(2024, 6, 3));
        enquiry.CompleteRecommendation(improvement.Id, D(2025, 6, 27), "Done", s_noDocument, D(2025, 6, 27));

        var completed = enquiry.PendingEvents.OfType<RecommendationCompleted>().ToList();
        Assert.Equal([(false, false), (true, true)], completed.Select(c => (c.Late, c.Delayed)).ToList());
        Refused(() => enquiry.CompleteRecommendation(onTime.Id, D(2024, 6, 4), "Again", s_noDocument, D(2024, 6, 4)), "completed on 2024-06-03");
    }
}
