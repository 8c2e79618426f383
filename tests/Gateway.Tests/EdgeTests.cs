using System.Diagnostics;
using System.Net;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintsPlatform.Gateway.Tests;

/// <summary>A dead backend fails fast; internal services are not there at the edge; health knows every routed service.</summary>
public sealed class EdgeTests(EdgeTests.Host host) : IClassFixture<EdgeTests.Host>
{
    private readonly GatewayHost _gateway = host.Gateway;

    public sealed class Host : IDisposable
    {
        public GatewayHost Gateway { get; } = GatewayHost.Start(new Dictionary<string, string?> { ["Gateway:RateLimit:Enabled"] = "false" });

        public void Dispose() => Gateway.Dispose();
    }

    [Fact]
    public async Task A_dead_backend_is_UNAVAILABLE_within_two_seconds_for_a_grpc_client()
    {
        var intake = new Intake.V1.Intake.IntakeClient(_gateway.Channel(TestIdentity.Token("complaints_team")));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await intake.GetContactAsync(
            new Intake.V1.GetContactRequest { ContactId = Guid.NewGuid().ToString() }, deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        // The gateway's own trailers-only answer, not a client's reading of a bare HTTP 502.
        Assert.DoesNotContain("HTTP status code", ex.Status.Detail, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_dead_backend_is_503_within_two_seconds_for_a_REST_client()
    {
        using var http = _gateway.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(40);
        var watch = Stopwatch.StartNew();

        using var response = await http.GetAsync("/api/reporting/v1/api-keys");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Internal_services_are_NOT_FOUND_at_the_edge()
    {
        using var channel = _gateway.Channel(TestIdentity.ServiceToken("intake"));
        var calls = new Func<Task>[]
        {
            async () => await new CaseWorkflow.V1.PersonRequests.PersonRequestsClient(channel).RequestEscalationAsync(new CaseWorkflow.V1.PersonEscalationRequest()),
            async () => await new CaseWorkflow.V1.PersonRequests.PersonRequestsClient(channel).WithdrawAsync(new CaseWorkflow.V1.PersonWithdrawalRequest()),
            async () => await new CaseWorkflow.V1.CaseInternal.CaseInternalClient(channel).GetCorrespondenceContentAsync(new CaseWorkflow.V1.GetCorrespondenceContentRequest()),
            async () => await new CaseWorkflow.V1.CaseLookup.CaseLookupClient(channel).FindCaseAsync(new CaseWorkflow.V1.FindCaseRequest()),
            async () => await new Common.V1.EventFeed.EventFeedClient(channel).GetHeadAsync(new Common.V1.GetHeadRequest()),
            async () => await new CaseWorkflow.V1.PersonData.PersonDataClient(channel).GatherRecordsAsync(new Common.V1.PersonKeys()),
            async () => await new Ombudsman.V1.PersonData.PersonDataClient(channel).GatherRecordsAsync(new Common.V1.PersonKeys()),
            async () => await new Compliments.V1.PersonData.PersonDataClient(channel).QueryAccessAsync(new Common.V1.AccessQuery()),
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        }
        using var http = _gateway.CreateClient();
        using var plain = await http.PostAsync("/complaints.caseworkflow.v1.PersonRequests/Withdraw", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.NotFound, plain.StatusCode);
    }

    [Fact]
    public async Task Gateway_health_answers_for_the_full_name_of_every_routed_service_and_no_other()
    {
        var health = new Health.HealthClient(_gateway.Channel());
        foreach (var service in ContractServices.Public)
        {
            // The backends are down: known, and NOT_SERVING.
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = service.FullName });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, reply.Status);
        }
        foreach (var name in ContractServices.Internal.Append("complaints.caseworkflow.v1.CaseWorkflow"))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = name }));
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        }
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public void The_gateway_routes_exactly_the_public_services_the_protos_declare()
    {
        var routed = _gateway.Services.GetRequiredService<BackendHealth>().RoutedServices().Keys.Order(StringComparer.Ordinal);

        Assert.Equal(ContractServices.Public.Select(s => s.FullName).Order(StringComparer.Ordinal), routed);
    }

    [Fact]
    public async Task Passive_health_stops_sending_to_a_dead_destination_beside_a_live_one()
    {
        var port = LocalInfrastructure.FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        // Not the gateway's appsettings.json (and its Kestrel endpoints) that sits beside the tests.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var alive = builder.Build();
        alive.MapFallback(() => "alive");
        await alive.StartAsync();
        using var gateway = GatewayHost.Start(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:Enabled"] = "false",
            ["ReverseProxy:Clusters:reporting-http:Destinations:alive:Address"] = $"http://127.0.0.1:{port}",
        });
        using var http = gateway.CreateClient();
        using var direct = new HttpClient();
        Assert.Equal("alive", await direct.GetStringAsync($"http://127.0.0.1:{port}/api/reporting/v1/api-keys"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await http.GetAsync("/api/reporting/v1/api-keys");
            answers.Add(response.StatusCode);
        }

        Assert.True(answers.Contains(HttpStatusCode.ServiceUnavailable), string.Join(",", answers.Select(a => (int)a))); // the dead one was tried, and failed fast
        Assert.True(answers.TakeLast(20).All(a => a == HttpStatusCode.OK), string.Join(",", answers.Select(a => (int)a)));
    }
}
