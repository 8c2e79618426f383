using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>Two compliments, recorded once for the class: one about a highways officer, one logged by staff about a libraries officer.</summary>
public sealed class TwoCompliments : IAsyncLifetime
{
    public ComplimentsHost Host { get; private set; } = null!;

    public Compliment AboutHighwaysOfficer { get; private set; } = null!;

    public Compliment AboutLibrariesOfficer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ComplimentsHost.StartAsync();
        AboutHighwaysOfficer = await Host.Team().RecordComplimentAsync(FromThePublic(Highways, HighwaysNorth, "officer-highways"));
        AboutLibrariesOfficer = await Host.Client(Roles.Staff, "staff-recorder")
            .RecordComplimentAsync(FromThePublic(Libraries, LibrariesCentral, "officer-libraries"));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

// Every test here only reads or is refused, so they share one host and its two compliments.
public sealed class AccessTests(TwoCompliments fixture) : IClassFixture<TwoCompliments>
{
    private readonly ComplimentsHost _host = fixture.Host;
    private readonly Compliment _aboutHighwaysOfficer = fixture.AboutHighwaysOfficer;
    private readonly Compliment _aboutLibrariesOfficer = fixture.AboutLibrariesOfficer;

    private static ListComplimentsRequest All => new();

    private async Task<string[]> VisibleAsync(V1.Compliments.ComplimentsClient client) =>
        (await client.ListComplimentsAsync(All)).Compliments.Select(c => c.ComplimentId).Order().ToArray();

    [Fact]
    public async Task The_complaints_team_reads_every_compliment()
    {
        Assert.Equal(new[] { _aboutHighwaysOfficer.ComplimentId, _aboutLibrariesOfficer.ComplimentId }.Order(), await VisibleAsync(_host.Team()));
    }

    [Fact]
    public async Task A_service_lead_reads_their_directorates_compliments_and_no_others()
    {
        var lead = _host.Client(Roles.ServiceLead, "lead-env", directorate: EnvironmentTransport);

        Assert.Equal([_aboutHighwaysOfficer.ComplimentId], await VisibleAsync(lead));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () =>
            await lead.GetComplimentAsync(new GetComplimentRequest { ComplimentId = _aboutLibrariesOfficer.ComplimentId })));
    }

    [Fact]
    public async Task An_officer_reads_the_compliments_about_themselves_and_not_about_colleagues()
    {
        var officer = _host.Client(Roles.Handler, "officer-highways");

        Assert.Equal([_aboutHighwaysOfficer.ComplimentId], await VisibleAsync(officer));
        var own = await officer.GetComplimentAsync(new GetComplimentRequest { ComplimentId = _aboutHighwaysOfficer.ComplimentId });
        Assert.Equal(_aboutHighwaysOfficer.Words, own.Words);
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () =>
            await officer.GetComplimentAsync(new GetComplimentRequest { ComplimentId = _aboutLibrariesOfficer.ComplimentId })));
    }

    [Fact]
    public async Task Staff_read_and_change_what_they_logged_but_not_what_others_logged()
    {
        var staff = _host.Client(Roles.Staff, "staff-recorder");

        Assert.Equal([_aboutLibrariesOfficer.ComplimentId], await VisibleAsync(staff));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () => await staff.AmendComplimentAsync(
            new AmendComplimentRequest { ComplimentId = _aboutHighwaysOfficer.ComplimentId, Words = "x" })));
    }

    [Fact]
    public async Task Scrutiny_sees_compliments_only_as_counts_through_Reporting_never_here()
    {
        var scrutiny = _host.Client(Roles.Scrutiny, "committee");

        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () => await scrutiny.ListComplimentsAsync(All)));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () =>
            await scrutiny.GetComplimentAsync(new GetComplimentRequest { ComplimentId = _aboutHighwaysOfficer.ComplimentId })));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () => await scrutiny.CountComplimentsAsync(
            new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = 2025, ToYear = 2025 })));
    }

    [Fact]
    public async Task Only_staff_and_the_complaints_team_record_and_officers_cannot_count()
    {
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () =>
            await _host.Client(Roles.ServiceLead, "lead-env", directorate: EnvironmentTransport).RecordComplimentAsync(FromThePublic())));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(async () => await _host.Client(Roles.Handler).CountComplimentsAsync(
            new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = 2025, ToYear = 2025 })));
    }
}
