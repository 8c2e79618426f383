using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>
/// Access tokens that have already validated, remembered by the SHA-256 of their text (never the
/// text itself) until the sooner of their expiry and a few minutes: a client that sends the same
/// token on every call has its signature checked once, not on every call. A token that failed is
/// never remembered, so it is checked afresh each time; a remembered one can only ever be the exact
/// bytes that validated, and it is forgotten no later than it would have stopped validating.
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock)
{
    /// <summary>How long at most a validation is trusted: a signing key withdrawn by the provider stops counting within this.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public int Count => _known.Count;

    /// <summary>A copy of the principal the token validated as, or null when it is unknown or its time is up.</summary>
    public ClaimsPrincipal? Find(string token)
    {
        var key = Key(token);
        if (!_known.TryGetValue(key, out var known))
        {
            return null;
        }
        if (known.Until <= clock.GetUtcNow())
        {
            _known.TryRemove(key, out _);
            return null;
        }
        // Each request gets its own copy: nothing one request does to its principal reaches another's.
        return Copy(known.Principal);
    }

    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        var now = clock.GetUtcNow();
        var until = expires < now + Longest ? expires : now + Longest;
        if (until <= now)
        {
            return;
        }
        if (_known.Count >= Capacity)
        {
            Sweep(now);
        }
        _known[Key(token)] = (Copy(principal), until);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _known)
        {
            if (entry.Until <= now)
            {
                _known.TryRemove(key, out _);
            }
        }
        if (_known.Count >= Capacity)
        {
            _known.Clear(); // many live tokens at once: start again rather than grow without bound
        }
    }

    // ClaimsPrincipal.Clone shares its identities: copy each of them too.
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    private static string Key(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
