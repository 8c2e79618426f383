using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>A service area CaseWorkflow retires takes no new compliments; those recorded keep it and its directorate.</summary>
public sealed class RetiredServiceAreaTests : IAsyncLifetime
{
    private ComplimentsHost _host = null!;

    public async Task InitializeAsync() => _host = await ComplimentsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_retired_service_area_takes_no_new_compliment_keeps_the_old_ones_and_takes_them_again_when_brought_back()
    {
        await _host.Team().RecordComplimentAsync(FromThePublic(Waste, WasteCollection));

        var retired = Council.Configuration.Clone();
        retired.Version = 2;
        retired.Directorates[0].ServiceAreas.Single(a => a.Id == Waste).Retired = true;
        _host.CaseWorkflow.Publish(retired);
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Head);

        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => _host.Team().RecordComplimentAsync(FromThePublic(Waste, WasteCollection)).ResponseAsync));
        var area = await _host.WithDbAsync(db => db.ServiceAreas.AsNoTracking().SingleAsync(a => a.Id == Waste));
        Assert.Equal((EnvironmentTransport, false), (area.DirectorateId, area.Current));
        Assert.Equal(Waste, (await _host.WithDbAsync(db => db.Compliments.AsNoTracking().SingleAsync())).ServiceAreaId);

        var back = Council.Configuration.Clone();
        back.Version = 3;
        _host.CaseWorkflow.Publish(back);
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Head);
        await _host.Team().RecordComplimentAsync(FromThePublic(Waste, WasteCollection));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Compliments.CountAsync()));
    }
}
