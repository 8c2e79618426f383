using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Reporting.Data;
using Microsoft.EntityFrameworkCore;
using ComplaintsPlatform.Hosting.Redis;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// Lists each live API key's hash in Redis until the key expires, so the gateway gives a real key
/// its own rate-limit bucket and an invented one none. Redis being down never stops a key working
/// here: Reporting checks keys against its own table; the listing is put right on the next sweep.
/// </summary>
public sealed class ApiKeyListing(IServiceProvider services, RedisCircuits circuits, ILogger<ApiKeyListing> logger) : BackgroundService
{
    private static readonly TimeSpan s_sweep = TimeSpan.FromMinutes(5);
    private readonly RedisCircuit _redis = circuits.For("reporting:api-key-listing");

    public async Task ListAsync(ApiKeyRow key)
    {
        var left = key.ExpiresAt - DateTime.UtcNow;
        if (key.RevokedAt is not null || left <= TimeSpan.Zero)
        {
            return;
        }
        if (!await _redis.TryAsync(db => db.StringSetAsync(ApiKeys.RedisKey(key.Hash), key.Id.ToString(), left), false))
        {
            logger.LogWarning("Could not list API key {KeyId} for the gateway; the next sweep will.", key.Id);
        }
    }

    public async Task UnlistAsync(ApiKeyRow key)
    {
        // Deleting a key that was never listed answers false too: only a failure is worth a warning.
        if (!await _redis.TryAsync(async db => { await db.KeyDeleteAsync(ApiKeys.RedisKey(key.Hash)); return true; }, false))
        {
            logger.LogWarning("Could not unlist API key {KeyId}; the next sweep will.", key.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
                foreach (var key in await db.ApiKeys.AsNoTracking().ToListAsync(stoppingToken))
                {
                    await (key.RevokedAt is null && key.ExpiresAt > DateTime.UtcNow ? ListAsync(key) : UnlistAsync(key));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The API key sweep failed; it runs again in {Interval}.", s_sweep);
            }
            await Task.Delay(s_sweep, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
