using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Messaging.Outbox;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>
/// Stages the events other services compute with, in the same transaction as the configuration change:
/// the organisation and lists (without officers' contact details), each policy, and the calendar.
/// </summary>
public sealed class ConfigurationEvents(IOutbox outbox)
{
    public void ConfigurationRecorded(CaseWorkflowDbContext db, CouncilConfiguration configuration, string calendarVersion, string? previousCalendarVersion)
    {
        var changed = new CouncilConfigurationChanged
        {
            Version = configuration.Version,
            Council = configuration.Council,
            Directorates = { configuration.Directorates.Select(WithoutContactDetails) },
            Lists = { configuration.Lists },
            Officers = { configuration.Officers.Select(o => new OfficerTeams { Id = o.Id, TeamIds = { o.TeamIds } }) },
            Retention = configuration.Retention,
        };
        outbox.Add(db, changed);
        if (calendarVersion != previousCalendarVersion)
        {
            CalendarChanged(db, configuration, calendarVersion,
                previousCalendarVersion is null ? "First configuration" : "The council's calendar settings changed");
        }
    }

    public void CalendarChanged(CaseWorkflowDbContext db, CouncilConfiguration configuration, string calendarVersion, string reason) =>
        outbox.Add(db, new CalendarChanged
        {
            CalendarVersion = calendarVersion,
            ConfigurationVersion = configuration.Version,
            Council = configuration.Council,
            Reason = reason,
        });

    // The conformance result travels with the policy so Reporting's self-assessment cites it without calling back.
    public void PolicyRecorded(CaseWorkflowDbContext db, ProcedurePolicy policy) =>
        outbox.Add(db, new ProcedurePolicyChanged
        {
            Policy = policy,
            CodeChecked = Domain.Procedures.CodeConformance.AppliesTo(policy.Stream),
            Deviations = { Domain.Procedures.CodeConformance.Check(policy) },
        });

    private static Directorate WithoutContactDetails(Directorate directorate)
    {
        var copy = directorate.Clone();
        foreach (var team in copy.ServiceAreas.SelectMany(s => s.Teams))
        {
            team.Email = "";
        }
        return copy;
    }
}
