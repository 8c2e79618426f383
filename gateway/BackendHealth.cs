using Grpc.Core;
using Grpc.Health.V1;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// What the gateway knows of each backend: YARP's active health probes of the cluster's destinations
/// (their <c>/health</c>, which includes the service's database and migrations).
/// </summary>
public sealed class BackendHealth(IProxyStateLookup proxyState, GatewayOptions options)
{
    /// <summary>SERVING, NOT_SERVING, or SERVICE_UNKNOWN for a name the gateway has never heard of.</summary>
    public HealthCheckResponse.Types.ServingStatus StatusOf(string service)
    {
        if (service.Length == 0)
        {
            return HealthCheckResponse.Types.ServingStatus.Serving;
        }
        var clusterId = options.HealthServices.GetValueOrDefault(service, service);
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
