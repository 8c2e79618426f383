using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Microsoft.EntityFrameworkCore;
using Enquiry = ComplaintsPlatform.OmbudsmanLiaison.Domain.Enquiry;

namespace ComplaintsPlatform.OmbudsmanLiaison.Events;

/// <summary>
/// Follows CaseWorkflow's feed for the council's directorates and calendar. On <c>CalendarChanged</c>
/// every open deadline counted in working days is recomputed with the new calendar, and each one that
/// moved is announced again with the calendar version it now rests on.
/// </summary>
public sealed class CaseWorkflowEvents(CouncilCalendar calendars, IOutbox outbox, TimeProvider clock, RetentionFeed<OmbudsmanLiaisonDbContext> retention)
    : IFeedEventHandler<OmbudsmanLiaisonDbContext>
{
    public async Task HandleAsync(OmbudsmanLiaisonDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (await retention.ApplyAsync(db, evt, ct))
        {
            return;
        }
        if (evt.Payload.TryUnpack<CouncilConfigurationChanged>(out var configuration))
        {
            var settings = await SettingsAsync(db, ct);
            if (configuration.Version >= settings.ConfigurationVersion)
            {
                settings.ConfigurationVersion = configuration.Version;
                settings.DirectorateIds = [.. configuration.Directorates.Select(d => d.Id)];
                settings.UpdatedAt = clock.GetUtcNow();
            }
        }
        else if (evt.Payload.TryUnpack<CalendarChanged>(out var calendar))
        {
            var settings = await SettingsAsync(db, ct);
            if (calendar.ConfigurationVersion < settings.ConfigurationVersion && settings.CalendarVersion is not null)
            {
                return; // an older announcement replayed after a newer one
            }
            var council = CouncilCalendarSettings.From(calendar.Council);
            settings.Division = council.Division.ToGovUkKey();
            settings.TimeZone = council.TimeZoneId;
            settings.CloseOfBusiness = council.CloseOfBusinessText;
            settings.ClosureDays = [.. council.ClosureDays];
            settings.CalendarVersion = calendar.CalendarVersion;
            settings.ConfigurationVersion = Math.Max(settings.ConfigurationVersion, calendar.ConfigurationVersion);
            settings.UpdatedAt = clock.GetUtcNow();
            await RecomputeAsync(db, calendars.For(settings), ct);
        }
    }

    private static async Task<CouncilSettingsRecord> SettingsAsync(OmbudsmanLiaisonDbContext db, CancellationToken ct)
    {
        var settings = await db.CouncilSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new CouncilSettingsRecord();
            db.CouncilSettings.Add(settings);
        }
        return settings;
    }

    private async Task RecomputeAsync(OmbudsmanLiaisonDbContext db, CouncilCalendar.Current calendar, CancellationToken ct)
    {
        var open = await db.InformationRequests.Where(r => r.RepliedOn == null && r.WorkingDays > 0).ToListAsync(ct);
        foreach (var request in open)
        {
            if (Enquiry.RecomputeDue(request, calendar) is { } moved)
            {
                outbox.Add(db, moved);
            }
        }
    }
}
