using ComplaintsPlatform.Reporting.Reports;
using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Reporting.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// Who may read reports: complaints_team everything, service_lead their directorate, scrutiny (a
/// token, or an x-api-key the complaints team issued) the public view only.
/// </summary>
internal static class Audience
{
    public const string ApiKeyHeader = ApiKeys.Header;

    public static async Task<ReportAudience> ResolveAsync(ServerCallContext context, ReportingDbContext db, CancellationToken ct)
    {
        var caller = Caller.From(context);
        if (caller.IsAuthenticated)
        {
            if (caller.IsInRole(Roles.ComplaintsTeam))
            {
                return new(false, null);
            }
            if (caller.IsInRole(Roles.ServiceLead) && !string.IsNullOrEmpty(caller.Directorate))
            {
                return new(false, caller.Directorate);
            }
            if (caller.IsInRole(Roles.Scrutiny))
            {
                return new(true, null);
            }
            throw new AccessDeniedException("Reports are for the complaints team, service leads and scrutiny.");
        }
        var key = context.RequestHeaders.GetValue(ApiKeyHeader);
        if (!string.IsNullOrEmpty(key))
        {
            var hash = Hash(key);
            var now = DateTime.UtcNow;
            var sinceLastRecorded = now - ApiKeyLifetime.LastUseResolution;
            // A live key's use is recorded, at most once a minute per key (not a write per request).
            var live = await db.ApiKeys.Where(k => k.Hash == hash && k.RevokedAt == null && k.ExpiresAt > now)
                .Select(k => new { k.Id, k.LastUsedAt }).FirstOrDefaultAsync(ct);
            if (live is not null)
            {
                if (live.LastUsedAt is null || live.LastUsedAt < sinceLastRecorded)
                {
                    await db.ApiKeys.Where(k => k.Id == live.Id && (k.LastUsedAt == null || k.LastUsedAt < sinceLastRecorded))
                        .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
                }
                return new(true, null);
            }
        }
        throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token or a valid x-api-key is required."));
    }

    public static string Hash(string secret) => ApiKeys.Hash(secret);

    public static string NewSecret() => "rpk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How long an API key lives, and how finely its last use is recorded.</summary>
internal static class ApiKeyLifetime
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(365);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(2 * 365 + 1);
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);
}
