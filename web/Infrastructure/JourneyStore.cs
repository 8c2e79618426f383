using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// A journey's answers between pages, kept server-side (Redis, or memory without it) under the
/// journey's id, encrypted with Data Protection and gone 24 hours after the journey began.
/// Uploaded files are kept beside the answers, one entry each, under the same rules.
/// </summary>
public sealed class JourneyStore(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("ComplaintsPlatform.Web.Journeys.v1");

    public async Task<T?> GetAsync<T>(string kind, Guid id, CancellationToken ct) where T : class, IJourney
    {
        var bytes = await ReadAsync(Key(kind, id), ct);
        return bytes is null ? null : JsonSerializer.Deserialize<T>(bytes);
    }

    public Task SaveAsync<T>(string kind, T journey, CancellationToken ct) where T : class, IJourney =>
        WriteAsync(Key(kind, journey.Id), JsonSerializer.SerializeToUtf8Bytes(journey), journey.StartedAt, ct);

    public Task RemoveAsync(string kind, Guid id, CancellationToken ct) => cache.RemoveAsync(Key(kind, id), ct);

    public Task SaveFileAsync(string kind, IJourney journey, Guid fileId, byte[] content, CancellationToken ct) =>
        WriteAsync(FileKey(kind, journey.Id, fileId), content, journey.StartedAt, ct);

    public Task<byte[]?> GetFileAsync(string kind, Guid journeyId, Guid fileId, CancellationToken ct) =>
        ReadAsync(FileKey(kind, journeyId, fileId), ct);

    public Task RemoveFileAsync(string kind, Guid journeyId, Guid fileId, CancellationToken ct) =>
        cache.RemoveAsync(FileKey(kind, journeyId, fileId), ct);

    private async Task<byte[]?> ReadAsync(string key, CancellationToken ct)
    {
        var stored = await cache.GetAsync(key, ct);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // a key no longer held, or an entry not written by us: as if it had expired
        }
    }

    private Task WriteAsync(string key, byte[] content, DateTimeOffset startedAt, CancellationToken ct)
    {
        var expires = startedAt + Lifetime;
        if (expires <= clock.GetUtcNow())
        {
            return Task.CompletedTask;
        }
        return cache.SetAsync(key, _protector.Protect(content), new DistributedCacheEntryOptions { AbsoluteExpiration = expires }, ct);
    }

    private static string Key(string kind, Guid id) => $"journey:{kind}:{id:N}";

    private static string FileKey(string kind, Guid id, Guid fileId) => $"journey:{kind}:{id:N}:file:{fileId:N}";
}

public interface IJourney
{
    Guid Id { get; }

    DateTimeOffset StartedAt { get; }
}
