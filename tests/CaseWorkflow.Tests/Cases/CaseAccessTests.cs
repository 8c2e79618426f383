using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>Who may read and change a case, the work queues, and the audit trail of every staff read and change.</summary>
public sealed class CaseAccessTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task Handlers_see_their_own_and_their_teams_cases_service_leads_their_directorates_and_every_read_is_audited()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        var get = new GetCaseRequest { CaseId = c.Id };

        await fx.Handler("officer-lib-01", "libraries-team").GetCaseAsync(get);
        await fx.Handler("officer-lib-02", "libraries-team").GetCaseAsync(get);
        await fx.As(Roles.ServiceLead, "lead-ac", directorate: "adults-communities").GetCaseAsync(get);

        await Refused(StatusCode.PermissionDenied, () => fx.Handler("officer-hwy-01", "highways-north").GetCaseAsync(get).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => fx.As(Roles.ServiceLead, "lead-et", directorate: "environment-transport").GetCaseAsync(get).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => fx.As(Roles.Staff, "officer-staff").GetCaseAsync(get).ResponseAsync);
        // No Ombudsman enquiry names this case (LinkOfficerAccessTests has those that do).
        await Refused(StatusCode.PermissionDenied, () => fx.As(Roles.LinkOfficer, "officer-lo-01").GetCaseAsync(get).ResponseAsync);
        // Reading is not changing: a link officer and a service lead cannot extend.
        await Refused(StatusCode.PermissionDenied, () => fx.As(Roles.LinkOfficer, "officer-lo-01")
            .ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 2, Reason = "x" }).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => fx.Handler("officer-hwy-01", "highways-north")
            .ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 2, Reason = "x" }).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => fx.Handler("officer-lib-01", "libraries-team")
            .AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "x", OutcomeSought = "y" }).ResponseAsync);

        var trail = await fx.Team.GetAuditTrailAsync(new GetAuditTrailRequest { CaseId = c.Id, PageSize = 200 });
        Assert.Contains(trail.Entries, e => e.OfficerId == "officer-lib-02" && e.Role == Roles.Handler && e.Action == "GetCase" && e.Allowed);
        Assert.Contains(trail.Entries, e => e.OfficerId == "lead-ac" && e.Role == Roles.ServiceLead && e.Allowed);
        Assert.Contains(trail.Entries, e => e.OfficerId == "officer-hwy-01" && e.Action == "GetCase" && !e.Allowed);
        Assert.Contains(trail.Entries, e => e.OfficerId == "officer-hwy-01" && e.Action == "Extend" && !e.Allowed);
        Assert.Contains(trail.Entries, e => e.OfficerId == "officer-cpt-01" && e.Action == "Allocate" && e.Role == Roles.ComplaintsTeam);
        await Refused(StatusCode.PermissionDenied, () =>
            fx.Handler("officer-lib-01", "libraries-team").GetAuditTrailAsync(new GetAuditTrailRequest { CaseId = c.Id }).ResponseAsync);
    }

    [Fact]
    public async Task Queues_show_a_handler_only_their_cases_sorted_by_next_deadline_and_the_reads_are_audited()
    {
        var later = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-south", "officer-hwy-02");
        var sooner = await fx.OpenAsync(ComplaintStream.Corporate, "highways-maintenance", new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero));
        await fx.Team.AllocateAsync(new AllocateRequest
        {
            CaseId = sooner.Id, ServiceAreaId = "highways-maintenance", TeamId = "highways-south", HandlerId = "officer-hwy-02",
        });
        var handler = fx.Handler("officer-hwy-02", "highways-south");

        var mine = await handler.ListCasesAsync(new ListCasesRequest { Scope = QueueScope.Mine });
        Assert.Equal(new[] { sooner.Id, later.Id }, mine.Cases.Select(x => x.Id));
        Assert.All(mine.Cases, x => Assert.True(x.Overdue));

        var overdueAtStage1 = await fx.Team.ListCasesAsync(new ListCasesRequest
        {
            OverdueOnly = true, Stage = 1, ServiceAreaId = "highways-maintenance", Status = V1.CaseStatus.Open, PageSize = 1,
        });
        Assert.Single(overdueAtStage1.Cases);
        Assert.NotEmpty(overdueAtStage1.NextPageToken);

        var other = await fx.Handler("officer-lib-01", "libraries-team").ListCasesAsync(new ListCasesRequest());
        Assert.DoesNotContain(other.Cases, x => x.Id == sooner.Id || x.Id == later.Id);
        await Refused(StatusCode.PermissionDenied, () => fx.As(Roles.Scrutiny).ListCasesAsync(new ListCasesRequest()).ResponseAsync);

        var trail = await fx.Team.GetAuditTrailAsync(new GetAuditTrailRequest { CaseId = sooner.Id, OfficerId = "officer-hwy-02" });
        Assert.Contains(trail.Entries, e => e.Action == "ListCases" && e.Role == Roles.Handler);
    }

    [Fact]
    public async Task A_request_with_a_future_date_or_an_unknown_officer_is_refused_with_the_reason()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);

        var ex = await Refused(StatusCode.FailedPrecondition, () => fx.Team.AcknowledgeAsync(new AcknowledgeRequest
        {
            CaseId = c.Id, About = "x", OutcomeSought = "y", OccurredOn = D(future.Month, future.Day, future.Year),
        }).ResponseAsync);
        Assert.Contains("future", ex.Status.Detail);

        await Refused(StatusCode.InvalidArgument, () => fx.Team.AllocateAsync(new AllocateRequest
        {
            CaseId = c.Id, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "nobody",
        }).ResponseAsync);
        await Refused(StatusCode.NotFound, () => fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }).ResponseAsync);
    }
}
