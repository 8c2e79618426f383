using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>The statutory streams, the safeguarding flag and officer time, through the API over a real database.</summary>
public sealed class StatutoryJourneyTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private StatutoryProcedures.StatutoryProceduresClient Statutory => new(fx.Host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));

    private OfficerWork.OfficerWorkClient Work(string role, string officer, string team) => new(fx.Host.CreateChannel(TestIdentity.Token(role, officer, team)));

    private static IssueFinding[] NotUpheld => [new IssueFinding { IssueId = "issue-1", Finding = Finding.NotUpheld }];

    [Fact]
    public async Task A_childrens_complaint_goes_through_all_three_stages_with_both_extensions_and_a_review_panel()
    {
        var c = await fx.OpenAsync(ComplaintStream.ChildrenSocialCare, "childrens-social-care");
        var early = await Refused(StatusCode.FailedPrecondition, () => fx.Team.AcknowledgeAsync(new AcknowledgeRequest
        {
            CaseId = c.Id, About = "Contact arrangements", OutcomeSought = "A review", OccurredOn = D(3, 4),
        }).ResponseAsync);
        Assert.Contains("record eligibility", early.Status.Detail);

        await Statutory.RecordEligibilityAsync(new RecordEligibilityRequest { CaseId = c.Id, Eligibility = Eligibility.ChildOrYoungPerson, OccurredOn = D(3, 4) });
        await Statutory.RecordAdvocacyOfferAsync(new RecordAdvocacyOfferRequest { CaseId = c.Id, Accepted = true, OccurredOn = D(3, 4) });
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Contact arrangements", OutcomeSought = "A review", OccurredOn = D(3, 5) });
        await fx.Team.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = "Contact", OccurredOn = D(3, 5) });
        await fx.Team.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = "customer-services", TeamId = "customer-services-team", HandlerId = "officer-cpt-01", OccurredOn = D(3, 6) });
        c = await fx.Team.ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 10, Reason = "Complex: several agencies", OccurredOn = D(3, 14), SendNotice = true });
        Assert.Equal(D(3, 31), c.Deadlines.Single(d => d.Stage == 1 && d.Kind == ClockKind.Respond).Due);
        await fx.Team.RecordResponseAsync(new RecordResponseRequest { CaseId = c.Id, Overall = Finding.NotUpheld, Text = "Stage 1 response", OccurredOn = D(3, 28), Findings = { NotUpheld } });

        // Stage 2: an Investigating Officer and an Independent Person, and the agreed record first.
        await fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, Reasons = "Not resolved", OccurredOn = D(4, 7) });
        await fx.Team.AcceptEscalationAsync(new AcceptEscalationRequest { CaseId = c.Id, OccurredOn = D(4, 8) });
        await fx.Team.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = "childrens-social-care", TeamId = "cin-north", HandlerId = "officer-csc-01", OccurredOn = D(4, 8) });
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Contact arrangements", OutcomeSought = "A review", OccurredOn = D(4, 9) });
        var io = fx.Handler("officer-csc-01", "cin-north");
        var notReady = await Refused(StatusCode.FailedPrecondition, () => io.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.NotUpheld, Text = "Too soon", OccurredOn = D(4, 10), Findings = { NotUpheld },
        }).ResponseAsync);
        Assert.Contains("an Independent Person", notReady.Status.Detail);
        await Statutory.AppointIndependentPersonAsync(new AppointIndependentPersonRequest { CaseId = c.Id, IndependentPersonId = "ip-007", OccurredOn = D(4, 9) });
        await Statutory.RecordAgreedComplaintAsync(new RecordAgreedComplaintRequest { CaseId = c.Id, Text = "The complaint as agreed with the young person", OccurredOn = D(4, 10) });
        c = await io.ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 40, Reason = "Complex investigation", OccurredOn = D(4, 14), SendNotice = true });
        Assert.Equal(65, 25 + c.Deadlines.Single(d => d.Stage == 2 && d.Kind == ClockKind.Respond).ExtendedBy);
        await Refused(StatusCode.FailedPrecondition, () => io.ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 1, Reason = "More", OccurredOn = D(4, 15) }).ResponseAsync);
        await io.RecordResponseAsync(new RecordResponseRequest { CaseId = c.Id, Overall = Finding.PartlyUpheld, Text = "Stage 2 response", OccurredOn = D(6, 20),
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.PartlyUpheld } } });

        // Stage 3: a panel of three independent people, not the Stage 2 Independent Person; 30/5/15.
        c = await fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, Reasons = "A review panel, please", OccurredOn = D(6, 30) });
        Assert.True(c.Escalations.Last().WithinWindow);
        await fx.Team.AcceptEscalationAsync(new AcceptEscalationRequest { CaseId = c.Id, OccurredOn = D(7, 1) });
        await fx.Team.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = "customer-services", TeamId = "customer-services-team", HandlerId = "officer-lo-01", OccurredOn = D(7, 1) });
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Review", OutcomeSought = "A review", OccurredOn = D(7, 1) });
        var ip = await Refused(StatusCode.FailedPrecondition, () => Statutory.AppointPanelAsync(new AppointPanelRequest
        {
            CaseId = c.Id, MemberIds = { "panel-1", "ip-007", "panel-3" }, OccurredOn = D(7, 2),
        }).ResponseAsync);
        Assert.Contains("Stage 2 Independent Person", ip.Status.Detail);
        await Statutory.AppointPanelAsync(new AppointPanelRequest { CaseId = c.Id, MemberIds = { "panel-1", "panel-2", "panel-3" }, OccurredOn = D(7, 2) });
        await Refused(StatusCode.FailedPrecondition, () => fx.Team.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.NotUpheld, Text = "Before the panel", OccurredOn = D(7, 3), Findings = { NotUpheld },
        }).ResponseAsync);
        c = await Statutory.RecordPanelMeetingAsync(new CaseStepRequest { CaseId = c.Id, OccurredOn = D(7, 28) });
        Assert.Equal(D(8, 11), c.Deadlines.Single(d => d.Kind == ClockKind.PanelMeeting).Due);
        Assert.Equal(D(8, 4), c.Deadlines.Single(d => d.Kind == ClockKind.PanelReport).Due);
        c = await Statutory.RecordPanelReportAsync(new CaseStepRequest { CaseId = c.Id, OccurredOn = D(8, 1) });
        // 15 working days from the report.
        Assert.Equal(D(8, 22), c.Deadlines.Single(d => d.Stage == 3 && d.Kind == ClockKind.Respond).Due);
        // officer-cpt-01 sent the Stage 1 response, so another officer sends the council's response to the panel.
        c = await fx.As(Roles.ComplaintsTeam, "officer-cpt-02", "customer-services-team").RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.PartlyUpheld, Text = "The council's response", OccurredOn = D(8, 15),
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.PartlyUpheld } },
        });

        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.Equal(NextBody.Lgsco, c.NextBody);
        Assert.Equal(new[] { "panel-1", "panel-2", "panel-3" }, c.Statutory.PanelMemberIds);
        Assert.True(c.Statutory.AdvocateOffered);
        var steps = (await fx.Host.OutboxEventsAsync<StatutoryStepRecorded>()).Where(e => e.Header.CaseId == c.Id).Select(e => e.StepCode).ToList();
        Assert.Equal(new[] { "ELIGIBILITY_RECORDED", "ADVOCACY_OFFERED", "INDEPENDENT_PERSON_APPOINTED", "COMPLAINT_RECORD_AGREED", "PANEL_APPOINTED", "PANEL_MET", "PANEL_REPORTED" }, steps);
        Assert.Contains(await fx.Host.OutboxEventsAsync<ResponseSent>(), e => e.Header.CaseId == c.Id && e.Header.Stage == 3 && e.FinalStage);
    }

    [Fact]
    public async Task An_adult_complaints_agreed_period_is_renegotiated_and_the_missed_backstop_sends_one_delay_notice()
    {
        var c = await fx.OpenAsync(ComplaintStream.AdultSocialCare, "adult-assessment");
        var noOffer = await Refused(StatusCode.FailedPrecondition, () => fx.Team.AcknowledgeAsync(new AcknowledgeRequest
        {
            CaseId = c.Id, About = "Care package", OutcomeSought = "Review", OccurredOn = D(3, 5),
        }).ResponseAsync);
        Assert.Contains("offer to discuss", noOffer.Status.Detail);
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest
        {
            CaseId = c.Id, About = "Care package", OutcomeSought = "Review", OccurredOn = D(3, 5), DiscussionOffered = true, DiscussionAccepted = true,
        });
        await fx.Team.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = "adult-assessment", TeamId = "asc-locality-1", HandlerId = "officer-asc-01", OccurredOn = D(3, 6) });
        var handler = new StatutoryProcedures.StatutoryProceduresClient(fx.Host.CreateChannel(TestIdentity.Token(Roles.Handler, "officer-asc-01", "asc-locality-1")));
        await handler.AgreeResponsePeriodAsync(new AgreeResponsePeriodRequest { CaseId = c.Id, AgreedDue = D(4, 30), OccurredOn = D(3, 10) });
        c = await handler.AgreeResponsePeriodAsync(new AgreeResponsePeriodRequest { CaseId = c.Id, AgreedDue = D(6, 30), OccurredOn = D(4, 25) });
        Assert.Equal(D(6, 30), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);
        Assert.Equal(2, c.Statutory.AgreedPeriods.Count);
        var past = await Refused(StatusCode.FailedPrecondition, () => handler.AgreeResponsePeriodAsync(new AgreeResponsePeriodRequest
        {
            CaseId = c.Id, AgreedDue = D(10, 1), OccurredOn = D(6, 20),
        }).ResponseAsync);
        Assert.Contains("extend the backstop", past.Status.Detail);
        await handler.ExtendBackstopAsync(new ExtendBackstopRequest { CaseId = c.Id, NewDue = D(10, 31), OccurredOn = D(6, 20) });
        await handler.AgreeResponsePeriodAsync(new AgreeResponsePeriodRequest { CaseId = c.Id, AgreedDue = D(10, 15), OccurredOn = D(6, 20) });
        await handler.RecordDelayReasonsAsync(new RecordDelayReasonsRequest { CaseId = c.Id, Reasons = "Awaiting the care provider's records" });

        // Today is long after 31 October 2025: both dates have passed without a response.
        await WatchAsync();
        await WatchAsync();

        var notices = (await fx.Host.OutboxEventsAsync<CorrespondenceRequested>()).Where(l => l.CaseId == c.Id && l.TemplateCode == "DELAY_NOTICE").ToList();
        var notice = Assert.Single(notices);
        Assert.Equal("2025-10-31", notice.Facts["missed_due"]);
        Assert.Equal("true", notice.Facts["reasons_recorded"]);
        var intake = new CaseInternal.CaseInternalClient(fx.Host.CreateChannel(TestIdentity.ServiceToken("intake")));
        var content = await intake.GetCorrespondenceContentAsync(new GetCorrespondenceContentRequest { RequestId = notice.RequestId });
        Assert.Equal("Awaiting the care provider's records", content.Texts["delay_reasons"]);
        c = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal(2, c.Statutory.DelayNotices.Count);
        var reminders = await Work(Roles.Handler, "officer-asc-01", "asc-locality-1").ListMyRemindersAsync(new ListMyRemindersRequest());
        Assert.Equal(new[] { ClockKind.Respond, ClockKind.Backstop }, reminders.Reminders.Where(r => r.CaseId == c.Id).Select(r => r.Clock).Order());
    }

    [Fact]
    public async Task An_adult_complaint_resolved_orally_by_the_next_working_day_ends_outside_the_regulations()
    {
        var c = await fx.OpenAsync(ComplaintStream.AdultSocialCare, "adult-assessment");
        c = await fx.Team.EndCaseAsync(new EndCaseRequest { CaseId = c.Id, Ending = CaseEnding.ResolvedOrally, OccurredOn = D(3, 4) });
        Assert.Equal(CaseEnding.ResolvedOrally, c.Ending);
    }

    [Fact]
    public async Task A_statutory_step_against_a_stale_revision_is_aborted_and_changes_nothing_and_the_next_step_is_offered()
    {
        var c = await fx.OpenAsync(ComplaintStream.ChildrenSocialCare, "childrens-social-care");
        var read = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Contains(CaseAction.RecordEligibility, read.AvailableActions);
        Assert.DoesNotContain(CaseAction.Acknowledge, read.AvailableActions);
        await Statutory.RecordAdvocacyOfferAsync(new RecordAdvocacyOfferRequest { CaseId = c.Id, Accepted = true, ExpectedRevision = read.Revision });

        await Refused(StatusCode.Aborted, () => Statutory.RecordEligibilityAsync(new RecordEligibilityRequest
        {
            CaseId = c.Id, Eligibility = Eligibility.SufficientInterest, ExpectedRevision = read.Revision,
        }).ResponseAsync);

        var now = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal(Eligibility.Unspecified, now.Statutory.Eligibility);
        await Statutory.RecordEligibilityAsync(new RecordEligibilityRequest { CaseId = c.Id, Eligibility = Eligibility.SufficientInterest, ExpectedRevision = now.Revision });
        var eligible = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Contains(CaseAction.Acknowledge, eligible.AvailableActions);
    }

    [Fact]
    public async Task A_safeguarding_concern_flags_the_case_in_queues_and_is_announced_at_once()
    {
        var c = await fx.OpenAsync(ComplaintStream.ChildrenSocialCare, "childrens-social-care");
        var other = await fx.OpenAsync(ComplaintStream.ChildrenSocialCare, "childrens-social-care");

        c = await Statutory.RaiseSafeguardingConcernAsync(new CaseStepRequest { CaseId = c.Id, OccurredOn = D(3, 4) });

        Assert.True(c.SafeguardingConcern);
        var flagged = await fx.Team.ListCasesAsync(new ListCasesRequest { SafeguardingOnly = true, PageSize = 200 });
        Assert.Contains(flagged.Cases, s => s.Id == c.Id && s.SafeguardingConcern);
        Assert.DoesNotContain(flagged.Cases, s => s.Id == other.Id);
        var all = await fx.Team.ListCasesAsync(new ListCasesRequest { Stream = ComplaintStream.ChildrenSocialCare, PageSize = 200 });
        Assert.False(all.Cases.Single(s => s.Id == other.Id).SafeguardingConcern);
        var raised = Assert.Single(await fx.Host.OutboxEventsAsync<SafeguardingConcernRaised>(), e => e.Header.CaseId == c.Id);
        Assert.Equal("childrens-social-care", raised.ServiceAreaId);
    }

    [Fact]
    public async Task Officer_time_is_totalled_per_case_service_area_stage_and_activity_and_announced()
    {
        var a = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        var b = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01");
        var lib = Work(Roles.Handler, "officer-lib-01", "libraries-team");
        await lib.LogTimeAsync(new LogTimeRequest { CaseId = a.Id, Minutes = 45, ActivityCode = "INVESTIGATION", WorkedOn = D(3, 10) });
        await lib.LogTimeAsync(new LogTimeRequest { CaseId = a.Id, Minutes = 30, ActivityCode = "DRAFTING", WorkedOn = D(3, 11) });
        var team = Work(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team");
        await team.LogTimeAsync(new LogTimeRequest { CaseId = b.Id, Minutes = 20, ActivityCode = "INVESTIGATION", WorkedOn = D(3, 10) });
        await Refused(StatusCode.PermissionDenied, () => lib.LogTimeAsync(new LogTimeRequest { CaseId = b.Id, Minutes = 5, ActivityCode = "ADMIN" }).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => lib.LogTimeAsync(new LogTimeRequest { CaseId = a.Id, Minutes = 0, ActivityCode = "ADMIN" }).ResponseAsync);

        var totals = await team.GetOfficerTimeAsync(new GetOfficerTimeRequest());
        Assert.Equal(95, totals.TotalMinutes);
        Assert.Equal(75, totals.ByCase.Single(t => t.Key == a.Id).Minutes);
        Assert.Equal(20, totals.ByServiceArea.Single(t => t.Key == "highways-maintenance").Minutes);
        Assert.Equal(95, totals.ByStage.Single(t => t.Key == "1").Minutes);
        Assert.Equal(65, totals.ByActivity.Single(t => t.Key == "INVESTIGATION").Minutes);
        var mine = await lib.GetOfficerTimeAsync(new GetOfficerTimeRequest { CaseId = a.Id });
        Assert.Equal(75, mine.TotalMinutes);
        await Refused(StatusCode.PermissionDenied, () => lib.GetOfficerTimeAsync(new GetOfficerTimeRequest()).ResponseAsync);
        var logged = (await fx.Host.OutboxEventsAsync<OfficerTimeLogged>()).Where(e => e.Header.CaseId == a.Id).ToList();
        Assert.Equal(new[] { 45, 30 }, logged.Select(e => e.Minutes));
        Assert.All(logged, e => Assert.Equal("officer-lib-01", e.OfficerId));
    }

    private async Task WatchAsync()
    {
        await using var scope = fx.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(CancellationToken.None);
    }
}
