namespace ComplaintsPlatform.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body accepted, in bytes (Kestrel answers 413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// gRPC service name (as asked of <c>grpc.health.v1.Health/Check</c>) → YARP cluster whose health
    /// answers for it. Cluster names themselves are always answered too.
    /// </summary>
    public Dictionary<string, string> HealthServices { get; set; } = new(StringComparer.Ordinal);
}

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second each client may sustain.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a client may send in a burst above the sustained rate.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Partition keys never limited, e.g. a benchmark client: <c>sub:&lt;subject&gt;</c>,
    /// <c>key:&lt;api key&gt;</c> or <c>ip:&lt;address&gt;</c>.
    /// </summary>
    public List<string> Exempt { get; set; } = [];
}
