using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>Refuses a configuration that removes or moves a directorate, service area or team still referred to.</summary>
internal static class OrganisationUsage
{
    public static async Task CheckAsync(CaseWorkflowDbContext db, CouncilConfiguration previous, CouncilConfiguration proposed, CancellationToken ct)
    {
        var changes = OrganisationChanges.RemovedOrMoved(previous, proposed);
        if (changes.Count == 0)
        {
            return;
        }
        var units = OrganisationChanges.Units(previous);
        var refusals = new List<string>();
        foreach (var change in changes)
        {
            var usage = await UsageAsync(db, previous, units, change.Before, ct);
            if (OrganisationChanges.Refusal(change, usage) is { } refusal)
            {
                refusals.Add(refusal);
            }
        }
        if (refusals.Count > 0)
        {
            throw new RuleViolationException(string.Join(" ", refusals));
        }
    }

    private static async Task<UnitUsage> UsageAsync(
        CaseWorkflowDbContext db, CouncilConfiguration previous, IReadOnlyDictionary<string, OrganisationUnit> units, OrganisationUnit unit, CancellationToken ct)
    {
        var under = OrganisationChanges.WithDescendants(units, unit.Id);
        var areas = under.Where(u => u.Kind == UnitKind.ServiceArea).Select(u => u.Id).ToList();
        var teams = under.Where(u => u.Kind == UnitKind.Team).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var id = unit.Id;
        var cases = unit.Kind switch
        {
            UnitKind.Directorate => await db.Cases.CountAsync(c => c.DirectorateId == id, ct),
            UnitKind.ServiceArea => await db.Cases.CountAsync(c => c.ServiceAreaId == id, ct),
            _ => await db.Cases.CountAsync(c => c.TeamId == id, ct),
        };
        var time = unit.Kind switch
        {
            UnitKind.Directorate => await db.OfficerTime.CountAsync(t => t.DirectorateId == id, ct),
            UnitKind.ServiceArea => await db.OfficerTime.CountAsync(t => t.ServiceAreaId == id, ct),
            _ => 0,
        };
        var triaged = areas.Count == 0 ? 0 : await db.TriagedContacts.CountAsync(t => areas.Contains(t.ServiceAreaId), ct);
        var officers = previous.Officers.Count(o => o.TeamIds.Any(teams.Contains));
        return new UnitUsage(cases, time, triaged, officers);
    }
}
