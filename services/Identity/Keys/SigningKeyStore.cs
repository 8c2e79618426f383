using System.Security.Cryptography;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.Identity.Keys;

/// <summary>
/// The signing keys, kept in the identity schema with their private parts protected by Data
/// Protection (whose own keys live there too), so they survive restarts and every replica shares
/// them. The snapshot in memory is what the token server signs with and publishes.
/// </summary>
public sealed class SigningKeyStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    TimeProvider clock,
    KeyRingPolicy policy,
    ILogger<SigningKeyStore> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ComplaintsPlatform.Identity.SigningKeys");
    private readonly Dictionary<string, RsaSecurityKey> _materialised = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<SigningKey> _keys = [];

    public event Action? Changed;

    public IReadOnlyList<SigningKey> Keys => _keys;

    /// <summary>The credentials that sign now.</summary>
    public SigningCredentials ActiveCredentials()
    {
        var active = KeyRingPolicy.Active(_keys, clock.GetUtcNow())
            ?? throw new InvalidOperationException("No signing key is active; the key ring has not been loaded.");
        return new SigningCredentials(Material(active), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Every published key, the active one first.</summary>
    public IReadOnlyList<SecurityKey> PublishedKeys()
    {
        var now = clock.GetUtcNow();
        var active = KeyRingPolicy.Active(_keys, now);
        return KeyRingPolicy.Published(_keys, now)
            .OrderBy(k => k == active ? 0 : 1)
            .Select(k => (SecurityKey)Material(k))
            .ToList();
    }

    /// <summary>Loads the ring, creating the first key or a successor when the policy says so.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var now = clock.GetUtcNow();
            var keys = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
            if (policy.SuccessorActivation(keys, now) is { } activation)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Replicas refreshing together: one creates the key, the others see it.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('identity-signing-keys'))", ct);
                keys = await db.SigningKeys.AsNoTracking().ToListAsync(ct);
                if (policy.SuccessorActivation(keys, now) is { } still)
                {
                    var key = Create(now, still);
                    db.SigningKeys.Add(key);
                    await db.SaveChangesAsync(ct);
                    keys.Add(key);
                    logger.LogInformation("Created signing key {KeyId}, signing from {ActivatesAt:O}", key.Id, key.ActivatesAt);
                }
                await tx.CommitAsync(ct);
            }
            var before = string.Join(",", _keys.Select(k => k.Id).Order(StringComparer.Ordinal));
            _keys = keys.Where(k => k.RetiresAt > now).ToList();
            if (before != string.Join(",", _keys.Select(k => k.Id).Order(StringComparer.Ordinal)))
            {
                Changed?.Invoke();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private SigningKey Create(DateTimeOffset now, DateTimeOffset activation)
    {
        using var rsa = RSA.Create(2048);
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportParameters(false).Modulus!))[..32];
        var protectedKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()));
        return policy.Describe(id, protectedKey, now, activation);
    }

    private RsaSecurityKey Material(SigningKey key)
    {
        lock (_materialised)
        {
            if (!_materialised.TryGetValue(key.Id, out var material))
            {
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(key.ProtectedKey)), out _);
                material = new RsaSecurityKey(rsa) { KeyId = key.Id };
                _materialised[key.Id] = material;
            }
            return material;
        }
    }
}
