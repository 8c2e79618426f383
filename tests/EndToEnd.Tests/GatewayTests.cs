using ComplaintsPlatform.Calendar.V1;
using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Core;
using CalendarClient = ComplaintsPlatform.Calendar.V1.Calendar.CalendarClient;
using Grpc.Health.V1;

namespace ComplaintsPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Gateway_reports_every_service_serving_over_grpc_health()
    {
        using var channel = platform.GatewayChannel();
        var health = new Health.HealthClient(channel);
        string[] names = ["", .. PlatformFixture.Services, "complaints.intake.v1.Intake", "complaints.calendar.v1.Calendar"];

        foreach (var name in names)
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await EventualStatusAsync(health, name));
        }
    }

    [Fact]
    public async Task Gateway_refuses_health_for_a_service_it_does_not_know()
    {
        using var channel = platform.GatewayChannel();
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Gateway_answers_its_http_health_endpoint()
    {
        using var http = new HttpClient { BaseAddress = platform.GatewayHttp };
        var response = await http.GetAsync("/health");
        Assert.True(response.IsSuccessStatusCode, $"/health answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task An_authenticated_call_reaches_its_service_through_the_gateway()
    {
        using var channel = platform.GatewayChannel();
        var directory = new CouncilDirectory.CouncilDirectoryClient(channel);

        var configuration = await directory.GetConfigurationAsync(new GetConfigurationRequest(), Bearer("complaints_team"));

        Assert.Equal("Shire County Council", configuration.Council.Name);
    }

    [Fact]
    public async Task The_calendar_is_reachable_through_the_gateway_by_any_signed_in_role()
    {
        using var channel = platform.GatewayChannel();
        var calendar = new CalendarClient(channel);

        var deadline = await calendar.ComputeDeadlineAsync(new ComputeDeadlineRequest
        {
            Stream = ComplaintStream.Corporate,
            StartDate = new Google.Type.Date { Year = 2022, Month = 12, Day = 23 },
            WorkingDays = 10,
        }, Bearer("scrutiny"));

        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 1, Day = 11 }, deadline.DueDate);
    }

    [Fact]
    public async Task An_anonymous_call_through_the_gateway_is_refused()
    {
        using var channel = platform.GatewayChannel();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new CouncilDirectory.CouncilDirectoryClient(channel).GetConfigurationAsync(new GetConfigurationRequest()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_token_with_the_wrong_role_is_refused_through_the_gateway()
    {
        using var channel = platform.GatewayChannel();
        var procedures = new Procedures.ProceduresClient(channel);
        var policy = await procedures.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate }, Bearer("handler"));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await procedures.UpdatePolicyAsync(
            new UpdatePolicyRequest { Policy = policy, ChangeReason = "not mine to change" }, Bearer("handler")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private CallOptions Bearer(string role) =>
        new(new Metadata { { "Authorization", $"Bearer {platform.Token(role)}" } });

    // YARP probes each backend every few seconds; a just-started backend may not be probed yet.
    private static async Task<HealthCheckResponse.Types.ServingStatus> EventualStatusAsync(Health.HealthClient health, string service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status;
            if (status == HealthCheckResponse.Types.ServingStatus.Serving || DateTime.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(250);
        }
    }
}
