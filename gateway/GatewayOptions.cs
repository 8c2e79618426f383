namespace ComplaintsPlatform.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body accepted, in bytes (Kestrel answers 413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long to wait for a backend's connection before answering UNAVAILABLE; a cluster may say
    /// otherwise in its metadata (<c>ConnectTimeout</c>).
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Addresses or CIDR ranges of the proxies in front of the gateway (a load balancer); only their
    /// X-Forwarded-For is believed. None by default: the peer's own address is the client's.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second each client may sustain.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a client may send in a burst above the sustained rate.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Verified clients never limited, e.g. a benchmark: <c>sub:&lt;subject&gt;</c> of a valid token,
    /// <c>key:&lt;api key&gt;</c> of a live Reporting key, or <c>ip:&lt;address&gt;</c>.
    /// </summary>
    public List<string> Exempt { get; set; } = [];
}
