using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Reporting.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// Lists each live API key's hash in Redis until the key expires, so the gateway gives a real key
/// its own rate-limit bucket and an invented one none. Redis being down never stops a key working
/// here: Reporting checks keys against its own table; the listing is put right on the next sweep.
/// </summary>
public sealed class ApiKeyListing(IServiceProvider services, ILogger<ApiKeyListing> logger) : BackgroundService
{
    private static readonly TimeSpan s_sweep = TimeSpan.FromMinutes(5);

    private IConnectionMultiplexer? Redis => services.GetService<IConnectionMultiplexer>();

    public async Task ListAsync(ApiKeyRow key)
    {
        var left = key.ExpiresAt - DateTime.UtcNow;
        if (Redis is not { IsConnected: true } redis || key.RevokedAt is not null || left <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().StringSetAsync(ApiKeys.RedisKey(key.Hash), key.Id.ToString(), left);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not list API key {KeyId} for the gateway; the next sweep will.", key.Id);
        }
    }

    public async Task UnlistAsync(ApiKeyRow key)
    {
        if (Redis is not { IsConnected: true } redis)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(ApiKeys.RedisKey(key.Hash));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not unlist API key {KeyId}; the next sweep will.", key.Id);
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
