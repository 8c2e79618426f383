using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Net.ClientFactory;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// Officers' email addresses and teams from CaseWorkflow's CouncilDirectory (the configuration
/// event leaves the addresses out). Cached for a few minutes; an officer missing from the cache
/// triggers one refresh, so a newly added officer is found without waiting.
/// </summary>
public sealed class OfficerDirectory(GrpcClientFactory clients, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyDictionary<string, Officer> Officers, DateTimeOffset FetchedAt)? _cache;

    public async Task<Officer?> FindAsync(string officerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache is { } c && now - c.FetchedAt < Lifetime && c.Officers.TryGetValue(officerId, out var cached))
        {
            return cached;
        }
        await _gate.WaitAsync(ct);
        try
        {
            var client = clients.CreateClient<CouncilDirectory.CouncilDirectoryClient>(nameof(CouncilDirectory.CouncilDirectoryClient));
            var config = await client.GetConfigurationAsync(new GetConfigurationRequest(), cancellationToken: ct);
            var officers = config.Officers.DistinctBy(o => o.Id).ToDictionary(o => o.Id);
            _cache = (officers, now);
            return officers.GetValueOrDefault(officerId);
        }
        finally
        {
            _gate.Release();
        }
    }
}
