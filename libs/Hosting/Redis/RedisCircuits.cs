using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ComplaintsPlatform.Hosting.Redis;

/// <summary>
/// A circuit per use of Redis (the report cache, the idempotency fast path, rate limits…), so one
/// use timing out does not switch off another that works, and each use's state can be seen apart.
/// Without a configured Redis every circuit simply answers with the caller's fallback.
/// </summary>
public sealed class RedisCircuits(IServiceProvider services, IOptions<RedisCircuitOptions> options, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, RedisCircuit> _circuits = new(StringComparer.Ordinal);

    public RedisCircuit For(string use) => _circuits.GetOrAdd(use, name => new RedisCircuit(name,
        services.GetService<IConnectionMultiplexer>(), options.Value, loggers.CreateLogger<RedisCircuit>()));
}
