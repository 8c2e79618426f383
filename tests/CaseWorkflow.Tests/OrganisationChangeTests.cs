using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>Renaming, moving, removing, retiring and bringing back directorates, service areas and teams.</summary>
public sealed class OrganisationChangeTests : IAsyncLifetime
{
    private CaseWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await CaseWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CouncilDirectory.CouncilDirectoryClient Directory => new(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam)));

    private V1.Cases.CasesClient CaseClient => new(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam)));

    private static ServiceArea Area(CouncilConfiguration c, string id) => c.Directorates.SelectMany(d => d.ServiceAreas).Single(a => a.Id == id);

    private async Task<CouncilConfiguration> SaveAsync(Action<CouncilConfiguration> change, string reason)
    {
        var current = await Directory.GetConfigurationAsync(new GetConfigurationRequest());
        var proposed = current.Clone();
        change(proposed);
        return await Directory.UpdateConfigurationAsync(new UpdateConfigurationRequest { Configuration = proposed, ExpectedVersion = current.Version, ChangeReason = reason });
    }

    private async Task OpenCaseInAsync(string serviceArea) =>
        await CaseClient.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = ComplaintStream.Corporate,
            ServiceAreaId = serviceArea,
            PersonId = "person-org-1",
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
        });

    [Fact]
    public async Task A_rename_keeps_the_id_so_the_case_follows_the_new_name_and_the_event_carries_it()
    {
        await OpenCaseInAsync("street-lighting");

        var saved = await SaveAsync(c => Area(c, "street-lighting").Name = "Street Lighting and Signs", "Service area renamed");

        Assert.Equal("Street Lighting and Signs", Area(saved, "street-lighting").Name);
        var cases = await CaseClient.ListCasesAsync(new ListCasesRequest { ServiceAreaId = "street-lighting" });
        Assert.Single(cases.Cases);
        Assert.Equal(2, (await _host.OutboxEventTypesAsync()).Count(e => e == "complaints.caseworkflow.v1.CouncilConfigurationChanged"));
    }

    [Fact]
    public async Task Something_nothing_refers_to_is_removed()
    {
        var added = await SaveAsync(c => c.Directorates[0].ServiceAreas.Add(new ServiceArea { Id = "added-in-error", Name = "Added in error" }), "Service area added");
        var before = added.Directorates[0].ServiceAreas.Count;

        var saved = await SaveAsync(c => c.Directorates[0].ServiceAreas.Remove(Area(c, "added-in-error")), "Service area removed");

        Assert.Equal(before - 1, saved.Directorates[0].ServiceAreas.Count);
        Assert.DoesNotContain(saved.Directorates.SelectMany(d => d.ServiceAreas), a => a.Id == "added-in-error");
    }

    [Fact]
    public async Task A_service_area_with_a_case_cannot_be_removed_or_moved_and_the_refusal_says_why_and_changes_nothing()
    {
        await OpenCaseInAsync("street-lighting");
        var versions = await _host.CountAsync("council_configurations");

        var removed = await Assert.ThrowsAsync<RpcException>(() =>
            SaveAsync(c => c.Directorates.Single(d => d.ServiceAreas.Any(a => a.Id == "street-lighting")).ServiceAreas.Remove(Area(c, "street-lighting")), "remove"));
        Assert.Equal(StatusCode.FailedPrecondition, removed.StatusCode);
        Assert.Contains("service area 'Street Lighting' cannot be removed: 1 case", removed.Status.Detail);
        Assert.Contains("Retire it instead", removed.Status.Detail);

        var moved = await Assert.ThrowsAsync<RpcException>(() => SaveAsync(c =>
        {
            var from = c.Directorates.Single(d => d.ServiceAreas.Any(a => a.Id == "street-lighting"));
            var area = Area(c, "street-lighting");
            from.ServiceAreas.Remove(area);
            c.Directorates.First(d => d != from).ServiceAreas.Add(area);
        }, "move"));
        Assert.Equal(StatusCode.FailedPrecondition, moved.StatusCode);
        Assert.Contains("cannot be moved: 1 case", moved.Status.Detail);
        Assert.Equal(versions, await _host.CountAsync("council_configurations"));
    }

    [Fact]
    public async Task A_team_with_officers_cannot_be_removed_but_an_unused_service_area_moves_to_another_directorate()
    {
        var current = await Directory.GetConfigurationAsync(new GetConfigurationRequest());
        var team = current.Officers.SelectMany(o => o.TeamIds).First();

        var ex = await Assert.ThrowsAsync<RpcException>(() => SaveAsync(c =>
        {
            var area = c.Directorates.SelectMany(d => d.ServiceAreas).Single(a => a.Teams.Any(t => t.Id == team));
            area.Teams.Remove(area.Teams.Single(t => t.Id == team));
        }, "remove team"));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Matches(@"cannot be removed: \d+ officers? refer", ex.Status.Detail);

        var saved = await SaveAsync(c =>
        {
            var from = c.Directorates.Single(d => d.ServiceAreas.Any(a => a.Id == "public-transport"));
            var area = Area(c, "public-transport");
            from.ServiceAreas.Remove(area);
            c.Directorates.Last().ServiceAreas.Add(area);
        }, "Service area moved");
        Assert.Contains(saved.Directorates.Last().ServiceAreas, a => a.Id == "public-transport");
    }

    [Fact]
    public async Task A_retired_service_area_keeps_its_cases_takes_no_new_one_and_is_offered_again_when_brought_back()
    {
        await OpenCaseInAsync("street-lighting");

        var retired = await SaveAsync(c => Area(c, "street-lighting").Retired = true, "Service area retired");
        Assert.True(Area(retired, "street-lighting").Retired);
        Assert.Single((await CaseClient.ListCasesAsync(new ListCasesRequest { ServiceAreaId = "street-lighting" })).Cases);

        var refused = await Assert.ThrowsAsync<RpcException>(() => OpenCaseInAsync("street-lighting"));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("service_area_id", violation.Field);
        Assert.Contains("retired", violation.Description);

        await SaveAsync(c => Area(c, "street-lighting").Retired = false, "Service area brought back");
        await OpenCaseInAsync("street-lighting");
        Assert.Equal(2, (await CaseClient.ListCasesAsync(new ListCasesRequest { ServiceAreaId = "street-lighting" })).Cases.Count);
    }

    [Fact]
    public async Task No_officer_joins_a_retired_team_but_one_already_in_it_stays()
    {
        var current = await Directory.GetConfigurationAsync(new GetConfigurationRequest());
        var member = current.Officers.First(o => o.TeamIds.Count > 0);
        var team = member.TeamIds[0];
        await SaveAsync(c => c.Directorates.SelectMany(d => d.ServiceAreas).SelectMany(a => a.Teams).Single(t => t.Id == team).Retired = true, "Team retired");

        var changed = member.Clone();
        changed.Name = member.Name + " Jr";
        await Directory.SaveOfficerAsync(new SaveOfficerRequest { Officer = changed });

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Directory.SaveOfficerAsync(new SaveOfficerRequest
        {
            Officer = new Officer { Id = "new-starter-9", Name = "New Starter", TeamIds = { team } },
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("officer.team_ids[0]", ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}
