using ComplaintsPlatform.CaseWorkflow.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Data;

internal static class PolicyQueries
{
    /// <summary>The policy in force for each stream: its latest version.</summary>
    public static async Task<IReadOnlyDictionary<ComplaintStream, ProcedurePolicy>> LatestAsync(CaseWorkflowDbContext db, CancellationToken ct)
    {
        var rows = await db.PolicyVersions.AsNoTracking()
            .Where(p => p.Version == db.PolicyVersions.Where(q => q.Stream == p.Stream).Max(q => q.Version))
            .ToListAsync(ct);
        return rows.ToDictionary(p => (ComplaintStream)p.Stream, p => ProtoJson.Read<ProcedurePolicy>(p.Document));
    }
}
