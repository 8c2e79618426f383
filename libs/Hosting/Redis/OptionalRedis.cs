using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ComplaintsPlatform.Hosting.Redis;

public static class OptionalRedis
{
    private const string ConnectionName = "redis";
    private const string HealthCheckName = "StackExchange.Redis";

    /// <summary>
    /// Redis (connection string <c>redis</c>) through Aspire's client integration, when one is configured,
    /// and a <see cref="RedisCircuits"/> to reach it through. Redis is an accelerator, never the truth:
    /// the process starts while it is down, the connection is made at start-up (never on a request),
    /// commands fail at once while it is disconnected instead of queueing, and every limit is short
    /// (<see cref="RedisCircuitOptions"/>). Its health check reports Degraded, not Unhealthy, so a stopped
    /// Redis never takes a service out of the gateway's rotation.
    /// </summary>
    public static IHostApplicationBuilder AddOptionalRedis(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RedisCircuitOptions.Section);
        builder.Services.Configure<RedisCircuitOptions>(section);
        builder.Services.TryAddSingleton<RedisCircuits>();
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            return builder;
        }
        var limits = section.Get<RedisCircuitOptions>() ?? new RedisCircuitOptions();
        builder.AddRedisClient(ConnectionName,
            settings =>
            {
                settings.DisableAutoActivation = false;
                settings.DisableTracing |= !TelemetryExport.IsConfigured(builder.Configuration);
            },
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = Math.Min(options.ConnectTimeout, (int)limits.ConnectTimeout.TotalMilliseconds);
                options.SyncTimeout = Math.Min(options.SyncTimeout, (int)limits.OperationTimeout.TotalMilliseconds);
                options.AsyncTimeout = Math.Min(options.AsyncTimeout, (int)limits.OperationTimeout.TotalMilliseconds);
                options.ConnectRetry = 1;
                options.BacklogPolicy = BacklogPolicy.FailFast;
            });
        builder.Services.PostConfigure<HealthCheckServiceOptions>(health =>
        {
            foreach (var check in health.Registrations.Where(r => r.Name == HealthCheckName))
            {
                check.FailureStatus = HealthStatus.Degraded;
                check.Timeout = limits.ConnectTimeout;
            }
        });
        return builder;
    }
}
