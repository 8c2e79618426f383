using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

public enum UnitKind
{
    Directorate,
    ServiceArea,
    Team,
}

/// <summary>A directorate, service area or team where the configuration places it; retired counts its parents' retirement.</summary>
public sealed record OrganisationUnit(UnitKind Kind, string Id, string Name, string ParentId, bool Retired)
{
    public string KindName => Kind switch { UnitKind.Directorate => "directorate", UnitKind.ServiceArea => "service area", _ => "team" };

    public string Describe() => $"{KindName} '{Name}'";
}

/// <summary>What refers to a unit (and to everything under it) in this service's records.</summary>
public sealed record UnitUsage(int Cases, int TimeRecords, int TriagedContacts, int Officers)
{
    public bool InUse => Cases + TimeRecords + TriagedContacts + Officers > 0;

    public string Describe(bool withOfficers = true) => string.Join(", ", new[]
    {
        Count(Cases, "case"), Count(TimeRecords, "time record"), Count(TriagedContacts, "triaged contact"),
        withOfficers ? Count(Officers, "officer") : null,
    }.Where(s => s is not null));

    private static string? Count(int n, string what) => n == 0 ? null : $"{n} {what}{(n == 1 ? "" : "s")}";
}

/// <summary>
/// How one configuration version changes the organisation of the one before: which units were removed or
/// moved to another parent, and whether that may happen. Cases record the directorate, service area and
/// team they were allocated to, so a unit they (or time records, triaged contacts or officers) refer to
/// is never removed or moved: it is retired, and its history keeps its place.
/// </summary>
public static class OrganisationChanges
{
    public sealed record Change(OrganisationUnit Before, OrganisationUnit? After)
    {
        public bool Removed => After is null;
    }

    public static IReadOnlyDictionary<string, OrganisationUnit> Units(CouncilConfiguration configuration)
    {
        var units = new Dictionary<string, OrganisationUnit>(StringComparer.Ordinal);
        foreach (var d in configuration.Directorates)
        {
            units.TryAdd(d.Id, new(UnitKind.Directorate, d.Id, d.Name, "", d.Retired));
            foreach (var s in d.ServiceAreas)
            {
                units.TryAdd(s.Id, new(UnitKind.ServiceArea, s.Id, s.Name, d.Id, d.Retired || s.Retired));
                foreach (var t in s.Teams)
                {
                    units.TryAdd(t.Id, new(UnitKind.Team, t.Id, t.Name, s.Id, d.Retired || s.Retired || t.Retired));
                }
            }
        }
        return units;
    }

    /// <summary>Units removed or placed elsewhere; a unit under a removed one is left out (its parent speaks for it).</summary>
    public static IReadOnlyList<Change> RemovedOrMoved(CouncilConfiguration previous, CouncilConfiguration proposed)
    {
        var before = Units(previous);
        var after = Units(proposed);
        var changes = new List<Change>();
        foreach (var unit in before.Values)
        {
            after.TryGetValue(unit.Id, out var now);
            if (now is null)
            {
                if (unit.ParentId.Length == 0 || after.ContainsKey(unit.ParentId))
                {
                    changes.Add(new Change(unit, null));
                }
            }
            else if (now.Kind != unit.Kind || now.ParentId != unit.ParentId)
            {
                changes.Add(new Change(unit, now));
            }
        }
        return changes;
    }

    /// <summary>The unit and every unit under it, as the configuration had them.</summary>
    public static IReadOnlyList<OrganisationUnit> WithDescendants(IReadOnlyDictionary<string, OrganisationUnit> units, string id)
    {
        var found = new List<OrganisationUnit>();
        var ids = new HashSet<string>(StringComparer.Ordinal) { id };
        // Parents precede children in the configuration's order, so one pass finds every level.
        foreach (var unit in units.Values)
        {
            if (unit.Id == id || ids.Contains(unit.ParentId))
            {
                ids.Add(unit.Id);
                found.Add(unit);
            }
        }
        return found;
    }

    /// <summary>Why the change may not be made, or null when nothing stops it.</summary>
    public static string? Refusal(Change change, UnitUsage usage)
    {
        var unit = change.Before;
        if (change.Removed)
        {
            return usage.InUse
                ? $"The {unit.Describe()} cannot be removed: {usage.Describe()} refer to it. Retire it instead: it stays for history, reports and its cases, and is no longer offered for new complaints, cases or staff accounts."
                : null;
        }
        if (change.After!.Kind != unit.Kind)
        {
            return $"The {unit.Describe()} cannot become a {change.After.KindName}: an id keeps its kind. Add a new one instead.";
        }
        // Officers and triaged contacts name the unit itself, not where it sits, so they do not stop a move.
        var recorded = usage with { Officers = 0, TriagedContacts = 0 };
        return recorded.InUse
            ? $"The {unit.Describe()} cannot be moved: {recorded.Describe(withOfficers: false)} record it where it is. Retire it and add a new one in the other place instead."
            : null;
    }
}
