using System.Security.Claims;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Identity.Keys;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.Identity.Accounts;

/// <summary>An officer as the council directory knows them: the one register of officers, teams and directorates.</summary>
public sealed record DirectoryOfficer(string Id, string Name, string Email, IReadOnlyList<string> Teams, IReadOnlyList<string> Directorates);

/// <summary>
/// Reads officers from CaseWorkflow's CouncilDirectory, calling as <c>service:identity</c> with a
/// token this provider signs for itself. Cached for a few minutes; a missing officer forces one refresh.
/// </summary>
public sealed class OfficerDirectory(IdentityServiceOptions settings, SigningKeyStore keys, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyDictionary<string, DirectoryOfficer> Officers, DateTimeOffset At)? _cache;
    private GrpcChannel? _channel;

    /// <summary>Whether a directory is configured (a provider without one issues staff tokens without team or directorate).</summary>
    public bool Configured => !string.IsNullOrEmpty(settings.DirectoryAddress);

    /// <exception cref="DirectoryUnavailableException">The directory cannot be read.</exception>
    public async Task<DirectoryOfficer?> FindAsync(string officerId, CancellationToken ct)
    {
        if (!Configured)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (_cache is { } c && now - c.At < Lifetime && c.Officers.TryGetValue(officerId, out var hit))
        {
            return hit;
        }
        await _gate.WaitAsync(ct);
        try
        {
            _channel ??= GrpcChannel.ForAddress(settings.DirectoryAddress!);
            var client = new CouncilDirectory.CouncilDirectoryClient(_channel);
            var headers = new Metadata { { "Authorization", "Bearer " + ServiceToken() } };
            var configuration = await client.GetConfigurationAsync(new GetConfigurationRequest(), headers, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct);
            var directorateOfTeam = configuration.Directorates
                .SelectMany(d => d.ServiceAreas.SelectMany(a => a.Teams.Select(t => (Team: t.Id, Directorate: d.Id))))
                .GroupBy(x => x.Team)
                .ToDictionary(g => g.Key, g => g.First().Directorate);
            var officers = configuration.Officers.DistinctBy(o => o.Id).ToDictionary(o => o.Id, o => new DirectoryOfficer(
                o.Id, o.Name, o.Email, o.TeamIds.ToList(),
                o.TeamIds.Select(t => directorateOfTeam.GetValueOrDefault(t)).OfType<string>().Distinct().ToList()));
            _cache = (officers, now);
            return officers.GetValueOrDefault(officerId);
        }
        catch (RpcException ex)
        {
            throw new DirectoryUnavailableException(ex.StatusCode);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string ServiceToken()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = Claims.PlatformAudience,
            Subject = new ClaimsIdentity([new Claim(Claims.Subject, Claims.ServicePrefix + "identity"), new Claim(Claims.Role, Roles.Service)]),
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddMinutes(5),
            SigningCredentials = keys.ActiveCredentials(),
        });
    }
}

public sealed class DirectoryUnavailableException(StatusCode status)
    : Exception($"The council directory could not be read ({status}).");
