using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// What one import reads every row against, loaded once: the council's directory and lists, its
/// calendar, and every version of every procedure policy with the day each came into force.
/// </summary>
internal sealed class CaseImportContext
{
    private readonly CouncilState.Snapshot _state;
    private readonly CaseRulesSource _rules;
    private readonly PolicyTimeline _policies;
    private readonly Dictionary<string, string> _directorateOf;
    private readonly HashSet<(string Area, string Team)> _teams;
    private readonly HashSet<(string List, string Code)> _codes;

    private CaseImportContext(CouncilState.Snapshot state, CaseRulesSource rules,
        PolicyTimeline policies)
    {
        _state = state;
        _rules = rules;
        _policies = policies;
        var areas = state.Configuration.Directorates.SelectMany(d => d.ServiceAreas.Select(s => (Directorate: d.Id, Area: s))).ToList();
        _directorateOf = areas.ToDictionary(a => a.Area.Id, a => a.Directorate);
        _teams = [.. areas.SelectMany(a => a.Area.Teams.Select(t => (a.Area.Id, t.Id)))];
        // History may use codes the council has since retired.
        _codes = [.. state.Configuration.Lists.SelectMany(l => l.Items.Select(i => (l.Name, i.Code)))];
        Now = rules.Now;
    }

    public DateTimeOffset Now { get; }

    public TimeZoneInfo TimeZone => _state.Calendars.TimeZone;

    public DateOnly LocalDate(DateTimeOffset instant) => _state.Calendars.LocalDate(instant);

    public static async Task<CaseImportContext> LoadAsync(CaseWorkflowDbContext db, CouncilState state, CaseRulesSource rules, CancellationToken ct)
    {
        var policies = await PolicyQueries.TimelineAsync(db, state.Current.Calendars.Clock, ct);
        return new CaseImportContext(state.Current, rules, policies);
    }

    /// <summary>The version in force on <paramref name="day"/>, the complaint's received date.</summary>
    public ProcedurePolicy? PolicyOn(ComplaintStream stream, DateOnly day) => _policies.InForceOn(stream, day);

    public CaseRules RulesFor(ComplaintStream stream, DateTimeOffset receivedAt)
    {
        var day = LocalDate(receivedAt);
        return _rules.ForPolicy(PolicyOn(stream, day)!, _state.Calendars);
    }

    public string DirectorateOf(string serviceAreaId) => _directorateOf.GetValueOrDefault(serviceAreaId, "");

    public bool IsTeamOf(string serviceAreaId, string teamId) => _teams.Contains((serviceAreaId, teamId));

    public bool IsListCode(string list, string code) => _codes.Contains((list, code));
}
