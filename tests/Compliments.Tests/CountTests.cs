using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>Seven compliments either side of 1 April and 1 January, recorded once for the class: its tests only read.</summary>
public sealed class CountedCompliments : IAsyncLifetime
{
    public ComplimentsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ComplimentsHost.StartAsync();
        var team = Host.Team();
        foreach (var (area, teamId, day) in new[]
        {
            (Libraries, LibrariesCentral, Day(2024, 3, 31)),
            (Libraries, LibrariesCentral, Day(2024, 4, 1)),
            (Libraries, LibrariesCentral, Day(2024, 12, 31)),
            (Libraries, LibrariesCentral, Day(2025, 1, 1)),
            (Libraries, LibrariesCentral, Day(2025, 3, 31)),
            (Highways, HighwaysNorth, Day(2025, 4, 1)),
            (Waste, WasteCollection, Day(2024, 6, 15)),
        })
        {
            await team.RecordComplimentAsync(FromThePublic(area, teamId, receivedOn: day));
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class CountTests(CountedCompliments fixture) : IClassFixture<CountedCompliments>
{
    private readonly ComplimentsHost _host = fixture.Host;

    private static Dictionary<(string, int), int> ByService(CountComplimentsReply reply) =>
        reply.ByService.ToDictionary(r => (r.ServiceAreaId, r.Year), r => r.Count);

    [Fact]
    public async Task Counts_by_service_follow_the_financial_year_from_1_April_to_31_March()
    {
        var reply = await _host.Team().CountComplimentsAsync(new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = 2023, ToYear = 2025 });

        Assert.Equal(
            new Dictionary<(string, int), int> { [(Libraries, 2023)] = 1, [(Libraries, 2024)] = 4, [(Waste, 2024)] = 1, [(Highways, 2025)] = 1 },
            ByService(reply));
        Assert.Equal([("2023/24", 1), ("2024/25", 5), ("2025/26", 1)], reply.Totals.Select(t => (t.YearLabel, t.Count)));
    }

    [Fact]
    public async Task Counts_by_service_follow_the_calendar_year_when_asked()
    {
        var reply = await _host.Team().CountComplimentsAsync(new CountComplimentsRequest { Basis = YearBasis.Calendar, FromYear = 2024, ToYear = 2025 });

        Assert.Equal(
            new Dictionary<(string, int), int> { [(Libraries, 2024)] = 3, [(Libraries, 2025)] = 2, [(Waste, 2024)] = 1, [(Highways, 2025)] = 1 },
            ByService(reply));
        Assert.Equal([("2024", 4), ("2025", 3)], reply.Totals.Select(t => (t.YearLabel, t.Count)));
    }

    [Fact]
    public async Task A_service_lead_counts_their_own_directorate_only()
    {
        var lead = _host.Client(Roles.ServiceLead, "lead-env", directorate: EnvironmentTransport);

        var reply = await lead.CountComplimentsAsync(new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = 2024, ToYear = 2025 });

        Assert.Equal([Highways, Waste], reply.ByService.Select(r => r.ServiceAreaId).Order());
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () => await lead.CountComplimentsAsync(
            new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = 2024, ToYear = 2024, DirectorateId = Corporate })));
    }

    [Fact]
    public async Task Queries_by_service_area_team_and_period()
    {
        var team = _host.Team();

        var libraries2024 = await team.ListComplimentsAsync(new ListComplimentsRequest
        {
            ServiceAreaId = Libraries, ReceivedFrom = Day(2024, 4, 1), ReceivedTo = Day(2025, 3, 31),
        });
        var highwaysTeam = await team.ListComplimentsAsync(new ListComplimentsRequest { TeamId = HighwaysNorth });
        var firstPage = await team.ListComplimentsAsync(new ListComplimentsRequest { PageSize = 5 });
        var secondPage = await team.ListComplimentsAsync(new ListComplimentsRequest { PageSize = 5, PageToken = firstPage.NextPageToken });

        Assert.Equal(4, libraries2024.Compliments.Count);
        Assert.Equal(Day(2025, 3, 31), libraries2024.Compliments[0].ReceivedOn);
        Assert.Single(highwaysTeam.Compliments);
        Assert.Equal((5, 2, ""), (firstPage.Compliments.Count, secondPage.Compliments.Count, secondPage.NextPageToken));
    }
}
