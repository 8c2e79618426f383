using System.Collections.Concurrent;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Hosting.Redis;

namespace ComplaintsPlatform.Gateway;

/// <summary>
/// Who the client is, as far as the gateway can verify: the subject of a token that validates
/// (the services' own validation, against the provider's keys), else a live Reporting API key,
/// else the client's address. A claimed subject or an invented key earns nothing of its own.
/// </summary>
public sealed class ClientIdentity(RedisCircuits circuits) : IMiddleware
{
    public const string ItemKey = "gateway:client";
    private static readonly TimeSpan s_remember = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (bool Live, DateTime Until)> _keys = new();
    private readonly RedisCircuit _redis = circuits.For("gateway:api-keys");

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
        // Redis not answering leaves the key unverified (its address's bucket), and unremembered.
        if (await _redis.TryAsync<bool?>(async db => await db.KeyExistsAsync(ApiKeys.RedisKey(hash)), null) is not { } live)
        {
            return false;
        }
        if (_keys.Count > 10_000)
        {
            _keys.Clear(); // invented keys must not grow this without bound
        }
        _keys[hash] = (live, DateTime.UtcNow + s_remember);
        return live;
    }
}
