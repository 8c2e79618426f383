using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// A backend that cannot be reached is UNAVAILABLE at once: a trailers-only gRPC response
/// (grpc-status 14) for gRPC clients, 503 for REST and browsers; YARP's own 502 would reach a
/// gRPC client as a protocol error. A path the gateway does not route is NOT_FOUND, so an
/// internal service is not even confirmed to exist.
/// </summary>
public static class BackendFailures
{
    private const int Unavailable = 14;
    private const int NotFound = 5;

    private static readonly HashSet<ForwarderError> s_unreachable =
    [
        ForwarderError.Request,
        ForwarderError.RequestTimedOut,
        ForwarderError.NoAvailableDestinations,
        ForwarderError.RequestBodyDestination,
        ForwarderError.ResponseHeaders,
    ];

    /// <summary>The first step of the proxy pipeline: looks at how forwarding ended.</summary>
    public static async Task AnswerUnavailableAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { } failure || !s_unreachable.Contains(failure.Error))
        {
            return;
        }
        context.Response.Clear();
        if (IsGrpc(context.Request))
        {
            TrailersOnly(context.Response, Unavailable, "The service is unavailable; try again shortly.");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
        }
    }

    /// <summary>
    /// The pages' catch-all route takes every path no other route claims. A gRPC call that lands on it,
    /// or any request for a <c>/complaints.…</c> service path, names a service the gateway does not
    /// route (an internal one, or none): NOT_FOUND here, never passed to the pages.
    /// </summary>
    public static Task RefuseServicesOnPagesRouteAsync(HttpContext context, Func<Task> next) =>
        context.GetReverseProxyFeature().Route.Config.RouteId == PagesRoute
        && (IsGrpc(context.Request) || IsServicePath(context.Request.Path))
            ? AnswerNotRoutedAsync(context)
            : next();

    private static bool IsServicePath(PathString path) =>
        path.Value is { } value && value.StartsWith("/complaints.", StringComparison.Ordinal);

    /// <summary>The route of the web project's public and staff pages (gateway appsettings).</summary>
    public const string PagesRoute = "web";

    public static Task AnswerNotRoutedAsync(HttpContext context)
    {
        if (IsGrpc(context.Request))
        {
            TrailersOnly(context.Response, NotFound, "No such service.");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Task.CompletedTask;
    }

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A gRPC status with no message: HTTP 200 whose headers carry grpc-status, ending the stream.</summary>
    public static void TrailersOnly(HttpResponse response, int grpcStatus, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = grpcStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = message;
    }
}

/// <summary>Connections to backends give up after the cluster's connect timeout (metadata <c>ConnectTimeout</c>) or the gateway's.</summary>
internal sealed class BackendConnections(GatewayOptions options, ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = context.NewMetadata?.TryGetValue("ConnectTimeout", out var value) == true
            && TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var timeout)
            ? timeout
            : options.ConnectTimeout;
    }
}
