using ComplaintsPlatform.Hosting.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// The fast path of idempotent Submit: request id → contact id in Redis. Never the guarantee (the
/// unique constraint is), so every failure means "not known here"; a slow or stopped Redis costs
/// at most one short timeout before its circuit opens and Submit goes to the database alone.
/// </summary>
public sealed class IdempotencyCache(IOptions<IntakeOptions> options, RedisCircuits circuits)
{
    private const string Prefix = "intake:submit:";
    private readonly RedisCircuit _redis = circuits.For("intake:idempotency");

    public async Task<Guid?> FindAsync(string clientRequestId)
    {
        var value = await _redis.TryAsync(db => db.StringGetAsync(Prefix + clientRequestId), RedisValue.Null);
        return value.HasValue && Guid.TryParse(value.ToString(), out var id) ? id : null;
    }

    public void Remember(string clientRequestId, Guid contactId) =>
        _redis.TrySend(redis => redis.GetDatabase().StringSet(Prefix + clientRequestId, contactId.ToString(),
            options.Value.IdempotencyCacheFor, flags: CommandFlags.FireAndForget));
}
