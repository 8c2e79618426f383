using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// One token bucket per client. The client is the bearer token's subject when there is one, else the
/// <c>x-api-key</c> header, else the remote address. The token is only read here, never trusted:
/// every service validates it itself, and a forged subject only buys the forger a bucket of their own.
/// </summary>
public static class ClientRateLimiting
{
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        var exempt = options.Exempt.ToHashSet(StringComparer.Ordinal);
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var key = PartitionKey(context.Request.Headers.Authorization, context.Request.Headers["x-api-key"], context.Connection.RemoteIpAddress?.ToString());
                return !options.Enabled || exempt.Contains(key)
                    ? RateLimitPartition.GetNoLimiter(key)
                    : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(options.Burst, options.PermitsPerSecond),
                        TokensPerPeriod = options.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = RejectAsync;
        });
    }

    public static string PartitionKey(string? authorization, string? apiKey, string? remoteAddress)
    {
        const string bearer = "Bearer ";
        if (authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var handler = new JsonWebTokenHandler();
            var token = authorization[bearer.Length..].Trim();
            if (handler.CanReadToken(token))
            {
                var subject = handler.ReadJsonWebToken(token).Subject;
                if (!string.IsNullOrEmpty(subject))
                {
                    return "sub:" + subject;
                }
            }
        }
        if (!string.IsNullOrEmpty(apiKey))
        {
            return "key:" + apiKey;
        }
        return "ip:" + (remoteAddress ?? "unknown");
    }

    // gRPC clients read the status from trailers: HTTP 429 alone would surface as UNAVAILABLE.
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        if (rejected.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "8"; // RESOURCE_EXHAUSTED
            response.Headers["grpc-message"] = "Rate limit exceeded";
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
