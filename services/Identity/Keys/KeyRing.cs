using ComplaintsPlatform.Identity.Data;

namespace ComplaintsPlatform.Identity.Keys;

/// <summary>
/// When keys sign and when they are published. A key is published from its creation, signs from its
/// activation to its expiry, and stays published until retirement so tokens it signed still validate.
/// A successor is created <see cref="Propagation"/> before the current key expires, so every
/// validator that refreshes its JWKS within that window knows the key before any token carries it.
/// </summary>
public sealed record KeyRingPolicy(TimeSpan Rotation, TimeSpan Propagation, TimeSpan Retention)
{
    /// <summary>Both windows exceed the longest access-token lifetime (60 minutes) many times over.</summary>
    public static readonly KeyRingPolicy Default = new(TimeSpan.FromDays(30), TimeSpan.FromDays(2), TimeSpan.FromDays(2));

    public void EnsureCovers(TimeSpan tokenLifetime)
    {
        if (Propagation < tokenLifetime || Retention < tokenLifetime)
        {
            throw new InvalidOperationException("Key propagation and retention must each last at least one access-token lifetime.");
        }
    }

    /// <summary>The key that signs at <paramref name="now"/>: the latest activated that has not retired.</summary>
    public static SigningKey? Active(IEnumerable<SigningKey> keys, DateTimeOffset now) => keys
        .Where(k => k.ActivatesAt <= now && now < k.RetiresAt)
        .OrderByDescending(k => k.ActivatesAt)
        .ThenByDescending(k => k.CreatedAt)
        .ThenByDescending(k => k.Id, StringComparer.Ordinal)
        .FirstOrDefault();

    /// <summary>Every key a validator must know at <paramref name="now"/>: created and not yet retired.</summary>
    public static IReadOnlyList<SigningKey> Published(IEnumerable<SigningKey> keys, DateTimeOffset now) => keys
        .Where(k => k.CreatedAt <= now && now < k.RetiresAt)
        .OrderByDescending(k => k.ActivatesAt)
        .ToList();

    /// <summary>When a new key must start signing, if one must be created now; else null.</summary>
    public DateTimeOffset? SuccessorActivation(IEnumerable<SigningKey> keys, DateTimeOffset now)
    {
        var live = keys.Where(k => k.ExpiresAt > now).ToList();
        if (live.Any(k => k.ExpiresAt > now + Propagation))
        {
            return null;
        }
        return live.Count == 0 ? now : live.Max(k => k.ExpiresAt);
    }

    public SigningKey Describe(string id, string protectedKey, DateTimeOffset now, DateTimeOffset activation) => new()
    {
        Id = id,
        CreatedAt = now,
        ActivatesAt = activation,
        ExpiresAt = activation + Rotation,
        RetiresAt = activation + Rotation + Retention,
        ProtectedKey = protectedKey,
    };
}
