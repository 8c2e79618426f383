using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.Data;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>Keeps the latest Code-conformance result per stream from CaseWorkflow's ProcedurePolicyChanged.</summary>
internal static class PolicyConformance
{
    public static async Task ApplyAsync(ReportingDbContext db, ProcedurePolicyChanged e, CancellationToken ct)
    {
        var stream = (short)e.Policy.Stream;
        var row = await db.Set<PolicyConformanceRow>().FindAsync([stream], ct);
        if (row is null)
        {
            db.Set<PolicyConformanceRow>().Add(row = new PolicyConformanceRow { Stream = stream });
        }
        else if (row.PolicyVersion > e.Policy.Version)
        {
            return;
        }
        row.PolicyVersion = e.Policy.Version;
        row.Checked = e.CodeChecked;
        row.Deviations = string.Join('\n', e.Deviations.Select(d => d.Paragraph + "\t" + d.Message.Replace('\n', ' ').Replace('\t', ' ')));
    }
}
