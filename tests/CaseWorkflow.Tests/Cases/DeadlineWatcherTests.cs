using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>The deadline watcher over a database of its own: each reminder exactly once, across ticks, replicas and restarts.</summary>
public sealed class DeadlineWatcherTests
{
    private static readonly Dictionary<string, string?> s_settings = new() { ["Reminders:DueSoonWorkingDays"] = "10" };

    [Fact]
    public async Task Reminders_are_never_sent_twice_across_ticks_concurrent_replicas_or_a_restart()
    {
        string overdueId, soonId;
        TestDatabase database;
        await using (var first = await CaseWorkflowHost.StartAsync(settings: s_settings))
        {
            database = first.Database;
            var team = new V1.Cases.CasesClient(first.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));
            // Received long ago and never acknowledged: overdue. Received an hour ago: acknowledgement due soon.
            var overdue = await team.OpenCaseAsync(new OpenCaseRequest
            {
                Stream = ComplaintStream.Corporate, ServiceAreaId = "highways-maintenance",
                ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
            });
            await team.AllocateAsync(new AllocateRequest
            {
                CaseId = overdue.Id, ServiceAreaId = "highways-maintenance", TeamId = "highways-north", HandlerId = "officer-hwy-01",
            });
            var soon = await team.OpenCaseAsync(new OpenCaseRequest
            {
                Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries", ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)),
            });
            (overdueId, soonId) = (overdue.Id, soon.Id);

            var firstTick = await TickAsync(first);
            Assert.Equal(2, firstTick.RemindersSent);
            Assert.Equal(0, (await TickAsync(first)).RemindersSent);
            // Two replicas at once: the advisory lock lets one work; neither sends anything again.
            var both = await Task.WhenAll(TickAsync(first), TickAsync(first));
            Assert.Equal(0, both.Sum(r => r.RemindersSent));
        }

        await using var second = await CaseWorkflowHost.StartAsync(database, s_settings);
        Assert.Equal(0, (await TickAsync(second)).RemindersSent);

        Assert.Equal(2, await second.CountAsync("reminders"));
        var events = await second.OutboxEventsAsync<ReminderDue>();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Header.CaseId == overdueId && e.Overdue && e.OfficerId == "officer-hwy-01" && e.Kind == ClockKind.Acknowledge);
        Assert.Contains(events, e => e.Header.CaseId == soonId && !e.Overdue && e.OfficerId == "");
        var emails = (await second.OutboxEventsAsync<CorrespondenceRequested>()).Where(l => l.TemplateCode == "STAFF_REMINDER").ToList();
        Assert.Equal("officer-hwy-01", Assert.Single(emails).Facts["officer_id"]);

        var officer = new OfficerWork.OfficerWorkClient(second.CreateChannel(TestIdentity.Token(Roles.Handler, "officer-hwy-01", "highways-north")));
        var mine = await officer.ListMyRemindersAsync(new ListMyRemindersRequest());
        Assert.Equal(ReminderKind.Overdue, Assert.Single(mine.Reminders).Kind);
        var complaintsTeam = new OfficerWork.OfficerWorkClient(second.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));
        var unallocated = await complaintsTeam.ListMyRemindersAsync(new ListMyRemindersRequest());
        Assert.Equal(soonId, Assert.Single(unallocated.Reminders).CaseId);
    }

    [Fact]
    public async Task A_reminder_sent_while_an_officer_has_a_form_open_does_not_make_their_change_stale_but_another_officers_change_does()
    {
        await using var host = await CaseWorkflowHost.StartAsync(settings: s_settings);
        var team = new V1.Cases.CasesClient(host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01", "customer-services-team")));
        var opened = await team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = ComplaintStream.Corporate, ServiceAreaId = "highways-maintenance",
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
        });
        var read = await team.GetCaseAsync(new GetCaseRequest { CaseId = opened.Id });

        // The acknowledgement is long overdue: the watcher sends its reminder while the form is open.
        Assert.Equal(1, (await TickAsync(host)).RemindersSent);
        var defined = await team.DefineIssueAsync(new DefineIssueRequest
        {
            CaseId = opened.Id, Summary = "Pothole not repaired", ExpectedRevision = read.Revision,
        });
        Assert.Equal(read.Revision + 1, defined.Revision);

        // A person's change is still one to check first.
        var ex = await Assert.ThrowsAsync<RpcException>(() => team.DefineIssueAsync(new DefineIssueRequest
        {
            CaseId = opened.Id, Summary = "Sign missing", ExpectedRevision = read.Revision,
        }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
    }

    private static async Task<WatchResult> TickAsync(CaseWorkflowHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(CancellationToken.None);
    }
}
