using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>A directorate, service area or team as the organisation pages list it.</summary>
public sealed record OrganisationUnit(string Id, string Name, string Kind, int Depth, bool Retired, bool RetiredWithParent, string ParentId, string ParentKind, string Email);

/// <summary>
/// The organisation flattened for the pages, and the edits they propose. Whether an edit may be made
/// (nothing removed or moved that cases or officers refer to) is CaseWorkflow's to decide.
/// </summary>
public static class OrganisationUnits
{
    public static IReadOnlyList<OrganisationUnit> All(CouncilConfiguration c)
    {
        var units = new List<OrganisationUnit>();
        foreach (var d in c.Directorates)
        {
            units.Add(new(d.Id, d.Name, "Directorate", 0, d.Retired, false, "", "", ""));
            foreach (var a in d.ServiceAreas)
            {
                units.Add(new(a.Id, a.Name, "Service area", 1, d.Retired || a.Retired, d.Retired, d.Id, "directorate", ""));
                foreach (var t in a.Teams)
                {
                    units.Add(new(t.Id, t.Name, "Team", 2, d.Retired || a.Retired || t.Retired, d.Retired || a.Retired, a.Id, "service area", t.Email));
                }
            }
        }
        return units;
    }

    public static OrganisationUnit? Find(CouncilConfiguration c, string id) => All(c).FirstOrDefault(u => u.Id == id);

    /// <summary>Directorates in use (where a service area may be added or moved to).</summary>
    public static IReadOnlyList<ChoiceGroup> Directorates(CouncilConfiguration c) =>
        [new("Directorates", c.Directorates.Where(d => !d.Retired).Select(d => new Choice(d.Id, d.Name)).ToList())];

    /// <summary>Service areas in use (where a team may be added or moved to).</summary>
    public static IReadOnlyList<ChoiceGroup> ServiceAreas(CouncilConfiguration c) =>
        c.Directorates.Where(d => !d.Retired)
            .Select(d => new ChoiceGroup(d.Name, d.ServiceAreas.Where(a => !a.Retired).Select(a => new Choice(a.Id, a.Name)).ToList()))
            .Where(g => g.Choices.Count > 0).ToList();

    /// <summary>Renames a unit and, when <paramref name="parentId"/> names another parent, moves it there (last in its list).</summary>
    public static void Change(CouncilConfiguration c, string id, string name, string? parentId, string? email)
    {
        foreach (var d in c.Directorates)
        {
            if (d.Id == id)
            {
                d.Name = name;
                return;
            }
            foreach (var a in d.ServiceAreas.ToList())
            {
                if (a.Id == id)
                {
                    a.Name = name;
                    if (parentId is { Length: > 0 } && parentId != d.Id && c.Directorates.FirstOrDefault(x => x.Id == parentId) is { } to)
                    {
                        d.ServiceAreas.Remove(a);
                        to.ServiceAreas.Add(a);
                    }
                    return;
                }
                foreach (var t in a.Teams.ToList())
                {
                    if (t.Id == id)
                    {
                        t.Name = name;
                        t.Email = email ?? "";
                        if (parentId is { Length: > 0 } && parentId != a.Id
                            && c.Directorates.SelectMany(x => x.ServiceAreas).FirstOrDefault(x => x.Id == parentId) is { } to)
                        {
                            a.Teams.Remove(t);
                            to.Teams.Add(t);
                        }
                        return;
                    }
                }
            }
        }
    }

    public static void SetRetired(CouncilConfiguration c, string id, bool retired)
    {
        foreach (var d in c.Directorates)
        {
            if (d.Id == id)
            {
                d.Retired = retired;
            }
            foreach (var a in d.ServiceAreas)
            {
                if (a.Id == id)
                {
                    a.Retired = retired;
                }
                foreach (var t in a.Teams.Where(t => t.Id == id))
                {
                    t.Retired = retired;
                }
            }
        }
    }

    public static void Remove(CouncilConfiguration c, string id)
    {
        foreach (var d in c.Directorates.ToList())
        {
            if (d.Id == id)
            {
                c.Directorates.Remove(d);
                return;
            }
            foreach (var a in d.ServiceAreas.ToList())
            {
                if (a.Id == id)
                {
                    d.ServiceAreas.Remove(a);
                    return;
                }
                foreach (var t in a.Teams.Where(t => t.Id == id).ToList())
                {
                    a.Teams.Remove(t);
                    return;
                }
            }
        }
    }
}
