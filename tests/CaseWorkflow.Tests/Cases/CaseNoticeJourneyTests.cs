using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>Stage 2 by someone else, late responses, escalation receipt and history entered by hand, through the API.</summary>
public sealed class CaseNoticeJourneyTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private static readonly IssueFinding[] s_upheld = [new() { IssueId = "issue-1", Finding = Finding.Upheld }];

    private async Task<List<CorrespondenceRequested>> LettersAsync(string caseId) =>
        (await fx.Host.OutboxEventsAsync<CorrespondenceRequested>()).Where(l => l.CaseId == caseId).ToList();

    [Fact]
    public async Task After_an_accepted_escalation_the_stage_1_handlers_team_keeps_the_case_but_the_stage_1_handler_may_not_act_on_stage_2()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01");
        var stage1Handler = fx.Handler("officer-hwy-01", "highways-north");
        await stage1Handler.RecordResponseAsync(new RecordResponseRequest { CaseId = c.Id, Overall = Finding.Upheld, Text = "Sorry", OccurredOn = D(3, 18), Findings = { s_upheld } });
        await fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, OccurredOn = D(3, 25) });
        await fx.Team.AcceptEscalationAsync(new AcceptEscalationRequest { CaseId = c.Id, OccurredOn = D(3, 26) });
        c = await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Still not repaired", OutcomeSought = "Repair", OccurredOn = D(3, 27) });
        Assert.Equal("highways-north", c.TeamId);

        var extend = await Refused(StatusCode.FailedPrecondition, () => stage1Handler.ExtendAsync(new ExtendRequest
        {
            CaseId = c.Id, WorkingDays = 5, Reason = "More time", SendNotice = true, OccurredOn = D(3, 28),
        }).ResponseAsync);
        Assert.Contains("someone other than", extend.Status.Detail);
        Assert.Equal(new[] { "officer-hwy-01" }, c.Stages[0].HandlerIds);
        Assert.Equal("officer-hwy-01", c.Stages[0].Response.SentBy);
    }

    [Fact]
    public async Task A_missed_response_deadline_puts_a_task_on_the_handlers_queue_and_recording_the_delay_sends_the_person_the_notice()
    {
        // Acknowledged 5 March 2025: the Stage 1 response was due 19 March 2025, long past.
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(CancellationToken.None);
        }
        var queue = new OfficerWork.OfficerWorkClient(fx.Host.CreateChannel(TestIdentity.Token(Roles.Handler, "officer-lib-01", "libraries-team")));
        var task = Assert.Single((await queue.ListMyRemindersAsync(new ListMyRemindersRequest { PageSize = 200 })).Reminders,
            r => r.CaseId == c.Id && r.Kind == ReminderKind.RecordDelay);
        Assert.Equal((ClockKind.Respond, D(3, 19)), (task.Clock, task.Due));
        Assert.Null(task.DoneAt);

        var expected = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        var handler = fx.Handler("officer-lib-01", "libraries-team");
        c = await handler.RecordResponseDelayAsync(new RecordResponseDelayRequest
        {
            CaseId = c.Id, Reason = "The library's records are being recovered", ExpectedOn = new Google.Type.Date { Year = expected.Year, Month = expected.Month, Day = expected.Day },
        });

        Assert.Equal("The library's records are being recovered", Assert.Single(c.Stages[0].Delays).Reason);
        var notice = Assert.Single(await LettersAsync(c.Id), l => l.TemplateCode == "DELAY_NOTICE");
        Assert.Equal(expected.ToString("yyyy-MM-dd"), notice.Facts["expected_due"]);
        var done = Assert.Single((await queue.ListMyRemindersAsync(new ListMyRemindersRequest { PageSize = 200 })).Reminders, r => r.Id == task.Id);
        Assert.NotNull(done.DoneAt);
    }

    [Fact]
    public async Task An_escalation_requested_after_close_of_business_is_recorded_with_its_instant_and_counts_from_the_next_working_day()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Housing, "customer-services", "customer-services-team", "officer-cpt-01");
        await fx.Team.RecordResponseAsync(new RecordResponseRequest { CaseId = c.Id, Overall = Finding.Upheld, Text = "Sorry", OccurredOn = D(3, 18), Findings = { s_upheld } });
        var fridayEvening = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 21, 17, 30, 0, TimeSpan.Zero));

        var mismatch = await Refused(StatusCode.FailedPrecondition, () => fx.Team.RequestEscalationAsync(new RequestEscalationRequest
        {
            CaseId = c.Id, RequestedAt = fridayEvening, OccurredOn = D(3, 20),
        }).ResponseAsync);
        Assert.Contains("council's time", mismatch.Status.Detail);
        c = await fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, RequestedAt = fridayEvening });

        var request = Assert.Single(c.Escalations);
        Assert.Equal((fridayEvening, D(3, 21), D(3, 24)), (request.RequestedAt, request.RequestedOn, request.CountedFrom));
        Assert.Equal(D(3, 31), c.Deadlines.Single(d => d.Stage == 2 && d.Kind == ClockKind.Acknowledge).Due);
    }

    [Fact]
    public async Task History_entered_by_hand_for_a_case_linked_to_its_contact_sends_the_person_nothing()
    {
        var opened = await fx.Team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries", ContactId = Guid.NewGuid().ToString(),
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2022, 5, 9, 10, 0, 0, TimeSpan.Zero)),
        });
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = opened.Id, About = "Late books fine", OutcomeSought = "Refund", OccurredOn = D(5, 11, 2022) });
        await fx.Team.DefineIssueAsync(new DefineIssueRequest { CaseId = opened.Id, Summary = "Fine", OccurredOn = D(5, 11, 2022) });
        await fx.Team.AllocateAsync(new AllocateRequest { CaseId = opened.Id, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "officer-lib-01", OccurredOn = D(5, 11, 2022) });
        var c = await fx.Team.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = opened.Id, Overall = Finding.Upheld, Text = "Refunded", OccurredOn = D(5, 20, 2022), Findings = { s_upheld },
        });

        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.Empty(await LettersAsync(c.Id));
        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Contains(history.Facts, f => f.Kind == "ACKNOWLEDGED" && f.Summary.Contains("not written to"));
    }
}
