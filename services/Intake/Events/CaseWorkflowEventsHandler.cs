using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Retention;
using Google.Protobuf.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// Keeps Intake's copy of what triage needs from CaseWorkflow: each stream's acknowledgement limit
/// (for the queue), the council's lists and service areas (to check triage codes) and its calendar
/// settings (see <see cref="CouncilClockSource"/>). Older versions arriving late change nothing.
/// Case events keep the person's view of their case; letters and reminders CaseWorkflow asks for
/// are queued (see <see cref="CaseCorrespondence"/>).
/// </summary>
public sealed class CaseWorkflowEventsHandler(TimeProvider clock, CaseCorrespondence correspondence, CouncilClockSource councilClock,
    RetentionFeed<IntakeDbContext> retention) : IFeedEventHandler<IntakeDbContext>
{
    private static readonly TypeRegistry Registry = TypeRegistry.FromFiles(EventsReflection.Descriptor);

    public async Task HandleAsync(IntakeDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (await retention.ApplyAsync(db, evt, ct))
        {
            return;
        }
        if (evt.Payload.Is(ProcedurePolicyChanged.Descriptor))
        {
            await ApplyPolicyAsync(db, evt.Payload.Unpack<ProcedurePolicyChanged>().Policy, ct);
        }
        else if (evt.Payload.Is(CouncilConfigurationChanged.Descriptor))
        {
            await ApplyConfigurationAsync(db, evt.Payload.Unpack<CouncilConfigurationChanged>(), ct);
        }
        else if (evt.Payload.Is(CorrespondenceRequested.Descriptor))
        {
            await correspondence.QueueLetterAsync(db, evt.Payload.Unpack<CorrespondenceRequested>(), ct);
        }
        else if (evt.Payload.Is(ReminderDue.Descriptor))
        {
            await correspondence.QueueReminderAsync(db, evt.Payload.Unpack<ReminderDue>(), evt.EventId, ct);
        }
        else if (evt.Payload.Unpack(Registry) is { } message)
        {
            await CaseProgressProjection.ApplyAsync(db, message, clock.GetUtcNow().UtcDateTime, ct);
        }
    }

    private static async Task ApplyPolicyAsync(IntakeDbContext db, ProcedurePolicy policy, CancellationToken ct)
    {
        var existing = await db.AcknowledgeLimits.FindAsync([(int)policy.Stream], ct);
        if (existing is not null && existing.PolicyVersion >= policy.Version)
        {
            return;
        }
        var acknowledge = policy.Stages.OrderBy(s => s.Number)
            .SelectMany(s => s.Clocks).FirstOrDefault(c => c.Kind == ClockKind.Acknowledge);
        if (acknowledge?.Period is null)
        {
            if (existing is not null)
            {
                db.AcknowledgeLimits.Remove(existing);
            }
            return;
        }
        var days = WorkingDays(acknowledge.Period);
        if (existing is null)
        {
            db.AcknowledgeLimits.Add(new AcknowledgeLimit { Stream = (int)policy.Stream, PolicyVersion = policy.Version, WorkingDays = days });
        }
        else
        {
            existing.PolicyVersion = policy.Version;
            existing.WorkingDays = days;
        }
    }

    // Acknowledgement clocks are in working days; other units are converted down, never up.
    private static int WorkingDays(Period period) => period.Unit switch
    {
        PeriodUnit.CalendarDays => period.Value * 5 / 7,
        PeriodUnit.Weeks => period.Value * 5,
        PeriodUnit.Months => period.Value * 20,
        _ => period.Value,
    };

    private async Task ApplyConfigurationAsync(IntakeDbContext db, CouncilConfigurationChanged config, CancellationToken ct)
    {
        var state = await db.ConfigurationState.FindAsync([1], ct);
        if (state is not null && state.Version >= config.Version)
        {
            return;
        }
        await db.ConfiguredLists.ExecuteDeleteAsync(ct);
        await db.Teams.ExecuteDeleteAsync(ct);
        await db.ServiceAreas.ExecuteDeleteAsync(ct);
        foreach (var list in config.Lists)
        {
            foreach (var item in list.Items.DistinctBy(i => i.Code))
            {
                db.ConfiguredLists.Add(new ConfiguredListItem { ListName = list.Name, Code = item.Code, Label = item.Label, Retired = item.Retired });
            }
        }
        var teamIds = new HashSet<string>();
        // Only what is in use is kept: a retired directorate, service area or team is not offered on the
        // public form or at triage (contacts already recorded keep its id; Reporting keeps its name).
        foreach (var directorate in config.Directorates.Where(d => !d.Retired))
        {
            foreach (var area in directorate.ServiceAreas.Where(a => !a.Retired))
            {
                var teams = area.Teams.Where(t => !t.Retired).ToList();
                db.ServiceAreas.Add(new ServiceAreaEntry
                {
                    Id = area.Id,
                    DirectorateId = directorate.Id,
                    Name = area.Name,
                    DirectorateName = directorate.Name,
                    NotificationEmail = teams.Select(t => t.Email).FirstOrDefault(e => !string.IsNullOrEmpty(e)),
                });
                foreach (var team in teams.Where(t => teamIds.Add(t.Id)))
                {
                    db.Teams.Add(new TeamEntry { Id = team.Id, ServiceAreaId = area.Id, Email = team.Email });
                }
            }
        }
        if (state is null)
        {
            db.ConfigurationState.Add(state = new ConfigurationState { Id = 1 });
        }
        state.Version = config.Version;
        state.AppliedAt = clock.GetUtcNow().UtcDateTime;
        var calendar = CouncilCalendarSettings.From(config.Council);
        state.Division = calendar.Division.ToGovUkKey();
        state.TimeZone = calendar.TimeZoneId;
        state.CloseOfBusiness = calendar.CloseOfBusinessText;
        state.ClosureDays = [.. calendar.ClosureDays];
        state.CouncilName = config.Council?.Name ?? "";
        councilClock.Forget();
    }
}
