namespace ComplaintsPlatform.Hosting.Redis;

/// <summary>
/// How long anything waits for Redis (section <c>Redis</c>). Redis is an accelerator, never the truth:
/// a slow answer is worth less than no answer, so every limit here is short.
/// </summary>
public sealed class RedisCircuitOptions
{
    public const string Section = "Redis";

    /// <summary>Connecting (at start and on each background reconnect) gives up after this long.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>One command gives up after this long; the failure counts towards opening the circuit.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>An open circuit lets no call through for this long, then lets one through to test Redis.</summary>
    public TimeSpan BreakFor { get; set; } = TimeSpan.FromSeconds(5);
}
