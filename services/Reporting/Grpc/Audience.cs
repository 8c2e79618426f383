using ComplaintsPlatform.Reporting.Reports;
using System.Security.Cryptography;
using System.Text;
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
    public const string ApiKeyHeader = "x-api-key";

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
            if (await db.ApiKeys.AnyAsync(k => k.Hash == hash && k.RevokedAt == null, ct))
            {
                return new(true, null);
            }
        }
        throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token or a valid x-api-key is required."));
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => "rpk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
