using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// Report results in Redis, keyed by the request, the audience and a stamp of the read model (every
/// feed's checkpoint and the rebuild generation): a new event changes the stamp, so a stale entry is
/// never read again, and it simply expires. Without Redis every request is computed.
/// </summary>
public sealed class ReportCache(ILogger<ReportCache> logger, IConnectionMultiplexer? redis = null)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static async Task<string> StampAsync(ReportingDbContext db, CancellationToken ct)
    {
        var positions = await db.Set<FeedCheckpoint>().AsNoTracking()
            .Where(c => c.Consumer == Extensions.ConsumerName)
            .OrderBy(c => c.Source)
            .Select(c => c.Source + "=" + c.Position)
            .ToListAsync(ct);
        var generation = await db.State.Select(s => s.Generation).FirstOrDefaultAsync(ct);
        return $"g{generation}:{string.Join(',', positions)}";
    }

    public async Task<ReportTable?> GetAsync(string key)
    {
        if (redis is null)
        {
            return null;
        }
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            return value.HasValue ? ReportTable.Parser.ParseFrom((byte[])value!) : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogDebug("Report cache unavailable ({Reason})", ex.GetType().Name);
            return null;
        }
    }

    public async Task SetAsync(string key, ReportTable table)
    {
        if (redis is null)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().StringSetAsync(key, table.ToByteArray(), Lifetime);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogDebug("Report cache unavailable ({Reason})", ex.GetType().Name);
        }
    }

    public static string Key(ReportRequest request, ReportAudience audience, string stamp) =>
        $"complaints:reporting:{stamp}:{audience.CacheScope}:{Convert.ToBase64String(request.ToByteArray())}";
}
