using System.Threading.RateLimiting;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using ComplaintsPlatform.Hosting.Redis;
using StackExchange.Redis;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// One token bucket per verified client (<see cref="ClientIdentity"/>), shared by every gateway
/// replica through Redis; while Redis is away each replica limits on its own.
/// </summary>
public static class ClientRateLimiting
{
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        var exempt = options.Exempt.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var key = ClientIdentity.Of(context);
                if (!options.Enabled || exempt.Contains(key))
                {
                    return RateLimitPartition.GetNoLimiter(key);
                }
                var redis = context.RequestServices.GetService<IConnectionMultiplexer>();
                var circuit = context.RequestServices.GetRequiredService<RedisCircuits>().For("gateway:rate-limits");
                return RateLimitPartition.Get(key, k => new RedisOrLocalLimiter(
                    redis is null ? null : new RedisTokenBucketRateLimiter<string>("gateway:" + k, new RedisTokenBucketRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        TokenLimit = Math.Max(options.Burst, options.PermitsPerSecond),
                        TokensPerPeriod = options.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    }),
                    circuit,
                    new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(options.Burst, options.PermitsPerSecond),
                        TokensPerPeriod = options.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })));
            });
            limiter.OnRejected = RejectAsync;
        });
    }

    // An exempt API key is configured as its secret and compared as its hash, the only form the gateway sees.
    private static string Normalise(string exempt) =>
        exempt.StartsWith("key:", StringComparison.Ordinal) ? "key:" + ApiKeys.Hash(exempt["key:".Length..]) : exempt;

    // gRPC clients read the status from trailers: HTTP 429 alone would surface as UNAVAILABLE.
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        if (BackendFailures.IsGrpc(rejected.HttpContext.Request))
        {
            BackendFailures.TrailersOnly(response, 8, "Rate limit exceeded"); // RESOURCE_EXHAUSTED
        }
        else
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The shared (Redis) bucket when Redis answers, this replica's own bucket when it does not: a failed
/// or slow call falls back at once, and while the circuit is open Redis is not asked at all.
/// </summary>
internal sealed class RedisOrLocalLimiter(RateLimiter? shared, RedisCircuit circuit, RateLimiter local) : RateLimiter
{
    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    // The middleware tries this first and then waits on AcquireAsync, which asks Redis.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        UseShared ? new Deferred() : local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (UseShared && await circuit.TryThroughAsync<RateLimitLease?>(async ct => await shared!.AcquireAsync(permitCount, ct), null, cancellationToken) is { } lease)
        {
            return lease;
        }
        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    private bool UseShared => shared is not null && circuit.IsUsable;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared?.Dispose();
            local.Dispose();
        }
        base.Dispose(disposing);
    }

    // "Not yet": makes the middleware ask asynchronously.
    private sealed class Deferred : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
