using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// The fast path of idempotent Submit: request id → contact id in Redis. Never the guarantee (the
/// unique constraint is), so every failure means "not known here": a slow or stopped Redis costs at
/// most one short timeout, then is left alone for a while (a simple circuit breaker).
/// </summary>
public sealed class IdempotencyCache(IOptions<IntakeOptions> options, ILogger<IdempotencyCache> logger,
    TimeProvider clock, IConnectionMultiplexer? redis = null)
{
    private const string Prefix = "intake:submit:";
    private long _brokenUntilTicks;

    public async Task<Guid?> FindAsync(string clientRequestId)
    {
        if (!Usable())
        {
            return null;
        }
        try
        {
            var value = await redis!.GetDatabase().StringGetAsync(Prefix + clientRequestId).WaitAsync(options.Value.RedisTimeout);
            return value.HasValue && Guid.TryParse(value.ToString(), out var id) ? id : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Break(ex);
            return null;
        }
    }

    public void Remember(string clientRequestId, Guid contactId)
    {
        if (!Usable())
        {
            return;
        }
        try
        {
            redis!.GetDatabase().StringSet(Prefix + clientRequestId, contactId.ToString(), options.Value.IdempotencyCacheFor,
                flags: CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Break(ex);
        }
    }

    private bool Usable() =>
        redis is not null && redis.IsConnected && clock.GetUtcNow().UtcTicks >= Interlocked.Read(ref _brokenUntilTicks);

    private void Break(Exception ex)
    {
        Interlocked.Exchange(ref _brokenUntilTicks, clock.GetUtcNow().Add(options.Value.RedisBreakFor).UtcTicks);
        logger.LogWarning("Redis unavailable for the idempotency fast path ({ExceptionType}); using the database alone for {Seconds} s",
            ex.GetType().Name, options.Value.RedisBreakFor.TotalSeconds);
    }
}
