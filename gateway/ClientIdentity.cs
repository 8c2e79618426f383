using System.Collections.Concurrent;
using ComplaintsPlatform.Hosting.Identity;
using StackExchange.Redis;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// Who the client is, as far as the gateway can verify: the subject of a token that validates
/// (the services' own validation, against the provider's keys), else a live Reporting API key,
/// else the client's address. A claimed subject or an invented key earns nothing of its own.
/// </summary>
public sealed class ClientIdentity(IServiceProvider services, ILogger<ClientIdentity> logger) : IMiddleware
{
    public const string ItemKey = "gateway:client";
    private static readonly TimeSpan s_remember = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (bool Live, DateTime Until)> _keys = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Items[ItemKey] = await ResolveAsync(context);
        await next(context);
    }

    /// <summary>The partition key of the request's client: <c>sub:…</c>, <c>key:&lt;sha-256&gt;</c> or <c>ip:…</c>.</summary>
    public static string Of(HttpContext context) => context.Items[ItemKey] as string ?? Address(context);

    private async Task<string> ResolveAsync(HttpContext context)
    {
        // Set by the authentication middleware only when the token validated.
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(Claims.Subject)?.Value is { Length: > 0 } subject)
        {
            return "sub:" + subject;
        }
        if (context.Request.Headers[ApiKeys.Header].ToString() is { Length: > 0 and <= 200 } key)
        {
            var hash = ApiKeys.Hash(key);
            if (await IsLiveAsync(hash))
            {
                return "key:" + hash;
            }
        }
        return Address(context);
    }

    private static string Address(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private async Task<bool> IsLiveAsync(string hash)
    {
        if (_keys.TryGetValue(hash, out var known) && known.Until > DateTime.UtcNow)
        {
            return known.Live;
        }
        if (services.GetService<IConnectionMultiplexer>() is not { IsConnected: true } redis)
        {
            return false;
        }
        try
        {
            var live = await redis.GetDatabase().KeyExistsAsync(ApiKeys.RedisKey(hash));
            if (_keys.Count > 10_000)
            {
                _keys.Clear(); // invented keys must not grow this without bound
            }
            _keys[hash] = (live, DateTime.UtcNow + s_remember);
            return live;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Redis did not answer; the API key counts as unverified.");
            return false;
        }
    }
}
