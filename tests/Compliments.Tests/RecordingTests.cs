using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

public sealed class RecordingTests : IAsyncLifetime
{
    private ComplimentsHost _host = null!;

    public async Task InitializeAsync() => _host = await ComplimentsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> StoredAsync() => _host.WithDbAsync(db => db.Compliments.CountAsync());

    [Fact]
    public async Task Staff_record_a_compliment_received_in_the_past_and_Reporting_gets_ids_and_dates_without_the_words()
    {
        var staff = _host.Client(Roles.Staff, "staff-recorder");

        var recorded = await staff.RecordComplimentAsync(FromThePublic(officer: "officer-highways", receivedOn: Day(2019, 2, 28)));

        Assert.Equal(ComplimentStatus.Recorded, recorded.Status);
        Assert.Equal(ComplimentSource.RecordedByStaff, recorded.Source);
        Assert.Equal("staff-recorder", recorded.RecordedBy);
        Assert.Equal(Day(2019, 2, 28), recorded.ReceivedOn);
        var announced = Assert.Single(await _host.OutboxAsync<ComplimentRecorded>());
        Assert.Equal(recorded.ComplimentId, announced.ComplimentId);
        Assert.Equal((Highways, HighwaysNorth, "officer-highways"), (announced.ServiceAreaId, announced.TeamId, announced.OfficerId));
        Assert.DoesNotContain("pothole", announced.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Praise_from_one_member_of_staff_to_another_is_refused_with_the_reason_and_not_logged()
    {
        var request = FromThePublic(officer: "officer-highways");
        request.Giver = Giver.CouncilStaff;

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await _host.Client(Roles.Staff).RecordComplimentAsync(request));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("members of the public", ex.Status.Detail);
        Assert.Contains("staff", ex.Status.Detail);
        Assert.Equal(0, await StoredAsync());
        Assert.Empty(await _host.OutboxAsync());
    }

    [Fact]
    public async Task Someone_praising_on_a_members_of_the_publics_behalf_is_logged()
    {
        var request = FromThePublic(serviceArea: Libraries, team: LibrariesCentral);
        request.Giver = Giver.OnBehalfOfMemberOfPublic;
        request.Channel = Intake.V1.Channel.Councillor;

        var recorded = await _host.Team().RecordComplimentAsync(request);

        Assert.Equal(Giver.OnBehalfOfMemberOfPublic, recorded.Giver);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_every_bad_field_and_nothing_is_written()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var request = new RecordComplimentRequest
        {
            ServiceAreaId = Highways,
            TeamId = LibrariesCentral, // a team of another service area
            OfficerId = "nobody-we-know",
            ReceivedOn = Day(tomorrow.Year, tomorrow.Month, tomorrow.Day),
            Words = " ",
            ConsentToQuote = true,
            QuotableText = "Call me on 07700 900123",
        };

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await _host.Client(Roles.Staff).RecordComplimentAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Equal(["channel", "giver", "officer_id", "quotable_text", "received_on", "team_id", "words"], fields.Order());
        Assert.Equal(0, await StoredAsync());
        Assert.Empty(await _host.OutboxAsync());
    }

    [Fact]
    public async Task A_compliment_from_a_service_area_the_council_does_not_have_is_invalid_argument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Team().RecordComplimentAsync(FromThePublic(serviceArea: "parks", team: "parks-team")));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "service_area_id");
    }

    [Fact]
    public async Task Staff_add_the_words_team_and_officer_later_and_the_amendment_is_announced()
    {
        var staff = _host.Client(Roles.Staff, "staff-recorder");
        var recorded = await staff.RecordComplimentAsync(FromThePublic());

        var amended = await staff.AmendComplimentAsync(new AmendComplimentRequest
        {
            ComplimentId = recorded.ComplimentId,
            Words = "Fixed within a day, and the crew were polite.",
            OfficerId = "officer-highways",
        });

        Assert.Equal("Fixed within a day, and the crew were polite.", amended.Words);
        Assert.Equal("officer-highways", amended.OfficerId);
        Assert.Equal("officer-highways", Assert.Single(await _host.OutboxAsync<ComplimentAmended>()).OfficerId);
    }
}
