using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>Checks a request's organisation ids and list codes against the configuration in force.</summary>
public sealed class CouncilDirectoryLookup(CouncilConfiguration configuration)
{
    /// <summary>
    /// The directorate of a service area. New cases and allocations take only a service area in use
    /// (<paramref name="inUseOnly"/>); a contact triaged before its area was retired still opens its case there.
    /// </summary>
    public string DirectorateOf(string serviceAreaId, string field, Validator v, bool inUseOnly = true)
    {
        var directorate = configuration.Directorates.FirstOrDefault(d => d.ServiceAreas.Any(s => s.Id == serviceAreaId));
        v.Require(directorate is not null, field, "is not a service area of the council");
        var retired = directorate is not null && (directorate.Retired || directorate.ServiceAreas.First(s => s.Id == serviceAreaId).Retired);
        v.Require(!(inUseOnly && retired), field, "is retired: choose a service area in use");
        return directorate?.Id ?? "";
    }

    public void CheckTeamAndHandler(string serviceAreaId, string teamId, string handlerId, Validator v)
    {
        var area = configuration.Directorates.SelectMany(d => d.ServiceAreas).FirstOrDefault(s => s.Id == serviceAreaId);
        v.Require(area is null || area.Teams.Any(t => t.Id == teamId), "team_id", "is not a team of that service area");
        v.Require(area is null || !area.Teams.Any(t => t.Id == teamId && t.Retired), "team_id", "is retired: choose a team in use");
        v.Require(configuration.Officers.Any(o => o.Id == handlerId && o.TeamIds.Contains(teamId)), "handler_id", "is not an officer of that team");
    }

    public void CheckListCode(string listName, string code, string field, Validator v)
    {
        var items = configuration.Lists.FirstOrDefault(l => l.Name == listName)?.Items;
        v.Require(items?.Any(i => i.Code == code && !i.Retired) == true, field, $"is not in the council's {listName} list");
    }

    /// <summary>
    /// The services a reviewer belongs to: their teams' service areas (from the directory and the
    /// token's team). A service lead is no exception: they review the other services of their directorate.
    /// </summary>
    public IReadOnlySet<string> ServiceAreasOf(Caller caller)
    {
        var teams = configuration.Officers.Where(o => o.Id == caller.Subject).SelectMany(o => o.TeamIds).ToHashSet();
        if (caller.Team is { Length: > 0 } team)
        {
            teams.Add(team);
        }
        return configuration.Directorates.SelectMany(d => d.ServiceAreas)
            .Where(s => s.Teams.Any(t => teams.Contains(t.Id))).Select(s => s.Id).ToHashSet();
    }
}
