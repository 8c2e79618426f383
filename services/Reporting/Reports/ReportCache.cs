using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ComplaintsPlatform.Hosting.Redis;
using StackExchange.Redis;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// Report results in Redis, keyed by the request, the audience and a stamp of the read model (every
/// feed's checkpoint and the rebuild generation): a new event changes the stamp, so a stale entry is
/// never read again, and it simply expires. Without Redis (or while its circuit is open) every
/// request is computed.
/// </summary>
public sealed class ReportCache(RedisCircuits circuits)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly RedisCircuit _redis = circuits.For("reporting:report-cache");

    public static async Task<string> StampAsync(ReportingDbContext db, CancellationToken ct)
    {
        var positions = await db.Set<FeedCheckpoint>().AsNoTracking()
            .Where(c => c.Consumer == Extensions.ConsumerName)
            .OrderBy(c => c.Source)
            .Select(c => c.Source + "=" + c.Position)
            .ToListAsync(ct);
        // The generation the positions above were read from (the one this request reads throughout).
        var generation = await db.GenerationAsync(ct);
        return $"g{generation}:{string.Join(',', positions)}";
    }

    public async Task<ReportTable?> GetAsync(string key)
    {
        var value = await _redis.TryAsync(db => db.StringGetAsync(key), RedisValue.Null);
        return value.HasValue ? ReportTable.Parser.ParseFrom((byte[])value!) : null;
    }

    // Nobody waits for the cache to be filled: the table is already computed and goes back at once.
    public void Set(string key, ReportTable table) =>
        _redis.TrySend(redis => redis.GetDatabase().StringSet(key, table.ToByteArray(), Lifetime, flags: CommandFlags.FireAndForget));

    public static string Key(ReportRequest request, ReportAudience audience, string stamp) =>
        $"complaints:reporting:{stamp}:{audience.CacheScope}:{Convert.ToBase64String(request.ToByteArray())}";
}
