using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>
/// The organisation, lists and calendar settings from CouncilConfigurationChanged. Entries are upserted, never deleted:
/// history counted against a retired service area keeps its name and directorate.
/// </summary>
internal static class CouncilDirectory
{
    public static async Task ApplyAsync(ReportingDbContext db, CouncilConfigurationChanged e, CancellationToken ct)
    {
        // A query sees only what is saved: save this unit of work's earlier entries first.
        await db.SaveChangesAsync(ct);
        var existing = await db.Directory.ToDictionaryAsync(d => (d.Kind, d.Id), ct);
        void Put(string kind, string id, string parent, string name)
        {
            if (existing.TryGetValue((kind, id), out var entry))
            {
                entry.ParentId = parent;
                entry.Name = name;
            }
            else
            {
                db.Directory.Add(existing[(kind, id)] = new DirectoryEntry { Kind = kind, Id = id, ParentId = parent, Name = name });
            }
        }
        foreach (var directorate in e.Directorates)
        {
            Put("directorate", directorate.Id, "", directorate.Name);
            foreach (var area in directorate.ServiceAreas)
            {
                Put("service_area", area.Id, directorate.Id, area.Name);
                foreach (var team in area.Teams)
                {
                    Put("team", team.Id, area.Id, team.Name);
                }
            }
        }
        foreach (var list in e.Lists)
        {
            foreach (var item in list.Items)
            {
                Put(list.Name, item.Code, "", item.Label);
            }
        }
        var council = await db.Facts.CouncilAsync(ct);
        if (council is null)
        {
            db.Facts.Add(council = new CouncilRow());
        }
        council.Name = e.Council?.Name ?? "";
        var calendar = CouncilCalendarSettings.From(e.Council);
        council.Division = calendar.Division.ToGovUkKey();
        council.TimeZone = calendar.TimeZoneId;
        council.CloseOfBusiness = calendar.CloseOfBusinessText;
        council.ClosureDays = [.. calendar.ClosureDays];
        council.Population = e.Council?.Population ?? 0;
        council.SmallNumberThreshold = e.Council is { SmallNumberThreshold: > 0 } settings ? settings.SmallNumberThreshold : Domain.Suppression.Threshold;
        council.ReportingYear = (short)(e.Council?.ReportingYear ?? ReportingYear.Unspecified);
    }
}
