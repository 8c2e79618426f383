using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Data;

internal static class PolicyQueries
{
    /// <summary>Every recorded version of every stream's policy, dated in the council's time zone.</summary>
    public static async Task<PolicyTimeline> TimelineAsync(CaseWorkflowDbContext db, CouncilClock clock, CancellationToken ct)
    {
        var rows = await db.PolicyVersions.AsNoTracking().ToListAsync(ct);
        return new PolicyTimeline(rows.Select(r => ProtoJson.Read<ProcedurePolicy>(r.Document)), clock);
    }

    /// <summary>The highest version recorded per stream, read without the documents.</summary>
    public static async Task<Dictionary<ComplaintStream, int>> LatestVersionsAsync(CaseWorkflowDbContext db, CancellationToken ct) =>
        (await db.PolicyVersions.AsNoTracking()
            .GroupBy(p => p.Stream).Select(g => new { Stream = g.Key, Version = g.Max(p => p.Version) })
            .ToListAsync(ct))
        .ToDictionary(v => (ComplaintStream)v.Stream, v => v.Version);
}
