using Grpc.Core;
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
    public async Task A_call_for_a_service_package_is_routed_to_that_service_with_its_token()
    {
        using var channel = platform.GatewayChannel();
        var headers = new Metadata { { "Authorization", $"Bearer {platform.Token("complaints_team")}" } };

        // The gateway has no such method: the answer comes from the intake service's own gRPC layer.
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await channel.CreateCallInvoker().AsyncUnaryCall(Probe, null, new CallOptions(headers), []));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact(Skip = "No non-public RPC exists yet (grpc-dotnet answers unknown methods anonymously); point Probe at the first real one.")]
    public async Task Anonymous_call_to_a_non_public_rpc_through_the_gateway_is_refused()
    {
        using var channel = platform.GatewayChannel();
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await channel.CreateCallInvoker().AsyncUnaryCall(Probe, null, new CallOptions(), []));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static readonly Method<byte[], byte[]> Probe = new(MethodType.Unary, "complaints.intake.v1.Intake", "EndToEndProbe",
        Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

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
