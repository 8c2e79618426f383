using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Events;

/// <summary>CaseWorkflow's feed: the council's organisation, to check ids and to scope service leads to their directorate; retention's schedule, holds and erasures.</summary>
public sealed class CaseWorkflowFeedHandler(RetentionFeed<ComplimentsDbContext> retention) : IFeedEventHandler<ComplimentsDbContext>
{
    public async Task HandleAsync(ComplimentsDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (await retention.ApplyAsync(db, evt, ct) || !evt.Payload.TryUnpack<CouncilConfigurationChanged>(out var config))
        {
            return;
        }
        var council = await db.Council.FindAsync([KnownCouncil.SingletonId], ct);
        if (council is null)
        {
            council = new KnownCouncil();
            db.Council.Add(council);
        }
        else if (council.ConfigurationVersion >= config.Version)
        {
            return;
        }
        council.ConfigurationVersion = config.Version;
        council.TimeZone = CouncilCalendarSettings.From(config.Council).TimeZoneId;

        var areas = await db.ServiceAreas.ToDictionaryAsync(a => a.Id, ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, ct);
        var officers = await db.Officers.ToDictionaryAsync(o => o.Id, ct);
        foreach (var known in areas.Values)
        {
            known.Current = false;
        }
        foreach (var known in teams.Values)
        {
            known.Current = false;
        }
        foreach (var known in officers.Values)
        {
            known.Current = false;
        }

        foreach (var directorate in config.Directorates)
        {
            foreach (var area in directorate.ServiceAreas)
            {
                // A retired area or team keeps its row (old compliments find their directorate) but takes no new ones.
                var a = Find(areas, area.Id, db.ServiceAreas, id => new KnownServiceArea { Id = id });
                a.DirectorateId = directorate.Id;
                a.Current = !directorate.Retired && !area.Retired;
                foreach (var team in area.Teams)
                {
                    var t = Find(teams, team.Id, db.Teams, id => new KnownTeam { Id = id });
                    t.ServiceAreaId = area.Id;
                    t.Current = a.Current && !team.Retired;
                }
            }
        }
        foreach (var officer in config.Officers)
        {
            Find(officers, officer.Id, db.Officers, id => new KnownOfficer { Id = id }).Current = true;
        }
    }

    private static T Find<T>(Dictionary<string, T> known, string id, DbSet<T> set, Func<string, T> create) where T : class
    {
        if (!known.TryGetValue(id, out var row))
        {
            row = create(id);
            known[id] = row;
            set.Add(row);
        }
        return row;
    }
}
