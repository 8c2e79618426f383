using Grpc.Core;
using Grpc.Health.V1;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// What the gateway knows of each backend: YARP's active health probes of the cluster's destinations
/// (their <c>/health</c>, which includes the service's database and migrations). It answers for each
/// cluster by name and for the full name of every gRPC service a route sends to it, and for nothing else.
/// </summary>
public sealed partial class BackendHealth(IProxyStateLookup proxyState)
{
    /// <summary>SERVING, NOT_SERVING, or SERVICE_UNKNOWN for a name the gateway has never heard of.</summary>
    public HealthCheckResponse.Types.ServingStatus StatusOf(string service)
    {
        if (service.Length == 0)
        {
            return HealthCheckResponse.Types.ServingStatus.Serving;
        }
        var clusterId = RoutedServices().GetValueOrDefault(service, service);
        if (!proxyState.TryGetCluster(clusterId, out var cluster))
        {
            return HealthCheckResponse.Types.ServingStatus.ServiceUnknown;
        }
        // A destination counts once a probe has answered; "unknown" (not yet probed) is not serving.
        var serving = cluster.Destinations.Values.Any(d => d.Health.Active == DestinationHealth.Healthy);
        return serving
            ? HealthCheckResponse.Types.ServingStatus.Serving
            : HealthCheckResponse.Types.ServingStatus.NotServing;
    }

    /// <summary>Full gRPC service name → cluster, read from the routes (<c>/complaints.intake.v1.Intake/{method}</c>).</summary>
    public IReadOnlyDictionary<string, string> RoutedServices() => proxyState.GetRoutes()
        .Select(r => (Match: GrpcRoute().Match(r.Config.Match.Path ?? ""), r.Config.ClusterId))
        .Where(r => r.Match.Success && r.ClusterId is not null)
        .GroupBy(r => r.Match.Groups["service"].Value, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().ClusterId!, StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^/(?<service>[A-Za-z_][A-Za-z0-9_.]*\.[A-Za-z_][A-Za-z0-9_]*)/\{[A-Za-z]+\}$")]
    private static partial System.Text.RegularExpressions.Regex GrpcRoute();
}

/// <summary>The standard <c>grpc.health.v1.Health</c>, answered by the gateway for itself ("") and each backend.</summary>
public sealed class BackendHealthService(BackendHealth health) : Health.HealthBase
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = health.StatusOf(request.Service);
        return status == HealthCheckResponse.Types.ServingStatus.ServiceUnknown
            ? throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."))
            : Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        HealthCheckResponse.Types.ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var status = health.StatusOf(request.Service);
            if (status != last)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
                last = status;
            }
            try
            {
                await Task.Delay(WatchInterval, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
