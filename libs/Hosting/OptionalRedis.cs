using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ComplaintsPlatform.Hosting;

public static class OptionalRedis
{
    /// <summary>
    /// Registers the connection to Redis (connection string <c>redis</c>) when one is configured. Redis is
    /// an accelerator, never the truth: the process starts while it is down (abortConnect=false), and with
    /// <paramref name="operationTimeout"/> a call gives up that quickly instead of after the client's default.
    /// </summary>
    public static IHostApplicationBuilder AddOptionalRedis(this IHostApplicationBuilder builder, TimeSpan? operationTimeout = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("redis");
        if (string.IsNullOrEmpty(connectionString))
        {
            return builder;
        }
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var config = ConfigurationOptions.Parse(connectionString);
            config.AbortOnConnectFail = false;
            if (operationTimeout is { } timeout)
            {
                var milliseconds = (int)timeout.TotalMilliseconds;
                config.ConnectTimeout = Math.Min(config.ConnectTimeout, 1000);
                config.SyncTimeout = Math.Min(config.SyncTimeout, milliseconds);
                config.AsyncTimeout = Math.Min(config.AsyncTimeout, milliseconds);
            }
            return ConnectionMultiplexer.Connect(config);
        });
        return builder;
    }
}
