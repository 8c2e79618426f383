using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>What the caseworker pages ask of the service: the officer's actions, no lost updates, and sorted, counted queues.</summary>
public sealed class WorkspaceQueriesTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task GetCase_offers_each_officer_the_actions_of_their_role_and_a_service_lead_none()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        var get = new GetCaseRequest { CaseId = c.Id };

        var team = await fx.Team.GetCaseAsync(get);
        var handler = await fx.Handler("officer-lib-01", "libraries-team").GetCaseAsync(get);
        var lead = await fx.As(Roles.ServiceLead, "lead-ac", directorate: "adults-communities").GetCaseAsync(get);

        Assert.Contains(CaseAction.Reallocate, team.AvailableActions);
        Assert.Contains(CaseAction.EndCase, team.AvailableActions);
        // The response was due in March 2025: no extension now, the late-response task instead.
        Assert.Equal(
            [CaseAction.LogTime, CaseAction.DraftResponse, CaseAction.SendResponse, CaseAction.AddRemedy, CaseAction.RecordLearning, CaseAction.RecordResponseDelay,
                CaseAction.RaiseSafeguardingConcern],
            handler.AvailableActions);
        Assert.Empty(lead.AvailableActions);
        Assert.True(team.NextDeadlineWorkingDaysLeft < 0, "the response was due in March 2025");
    }

    [Fact]
    public async Task A_change_with_a_stale_revision_is_aborted_and_changes_nothing()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        var handler = fx.Handler("officer-lib-01", "libraries-team");

        var extended = await handler.ExtendAsync(new ExtendRequest
        {
            CaseId = c.Id, WorkingDays = 3, Reason = "Awaiting a report", SendNotice = true, OccurredOn = D(3, 10), ExpectedRevision = c.Revision,
        });
        var ex = await Refused(StatusCode.Aborted, () => fx.Team.DefineIssueAsync(new DefineIssueRequest
        {
            CaseId = c.Id, Summary = "Rude reply", OccurredOn = D(3, 10), ExpectedRevision = c.Revision,
        }).ResponseAsync);

        Assert.Contains("changed", ex.Status.Detail);
        var now = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Single(now.Issues);
        Assert.Equal(extended.Revision, now.Revision);
        Assert.Equal(c.Revision + 1, now.Revision);
    }

    [Fact]
    public async Task Queues_sort_by_the_chosen_column_count_every_match_and_show_working_days_left()
    {
        var area = "street-lighting";
        var first = await fx.OpenAsync(ComplaintStream.Corporate, area, new DateTimeOffset(2025, 1, 6, 10, 0, 0, TimeSpan.Zero));
        var second = await fx.OpenAsync(ComplaintStream.Corporate, area, new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero));
        var third = await fx.OpenAsync(ComplaintStream.Corporate, area, new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));

        var newestFirst = await fx.Team.ListCasesAsync(new ListCasesRequest
        {
            ServiceAreaId = area, Sort = CaseSort.Received, Descending = true, PageSize = 2,
        });
        var soonestFirst = await fx.Team.ListCasesAsync(new ListCasesRequest { ServiceAreaId = area });

        Assert.Equal([third.Id, second.Id], newestFirst.Cases.Select(x => x.Id));
        Assert.Equal(3, newestFirst.TotalSize);
        Assert.Equal([first.Id, second.Id, third.Id], soonestFirst.Cases.Select(x => x.Id));
        Assert.All(soonestFirst.Cases, x => Assert.True(x.Overdue && x.WorkingDaysLeft < 0));
        // Acknowledgements due 13 January, 10 February and 10 March 2025: a month apart is about 20 working days.
        Assert.InRange(soonestFirst.Cases[1].WorkingDaysLeft - soonestFirst.Cases[0].WorkingDaysLeft, 19, 21);
    }
}
