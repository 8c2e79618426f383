using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Microsoft.EntityFrameworkCore;
using Case = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>The rules a case computes with: the policy version it opened under and the calendar in force today.</summary>
public sealed class CaseRulesSource(CouncilState state, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>How many working days before a deadline its officer is reminded.</summary>
    public int DueSoonWorkingDays { get; } = configuration.GetValue("Reminders:DueSoonWorkingDays", 2);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today(CouncilCalendars calendars) => calendars.LocalDate(Now);

    /// <summary>The policy in force today for a new case of <paramref name="stream"/>.</summary>
    public CaseRules ForNewCase(ComplaintStream stream)
    {
        var current = state.Current;
        var policy = current.Policies.InForceOn(stream, Today(current.Calendars))
            ?? throw new RuleViolationException($"There is no procedure policy for {stream}.");
        return With(policy, current.Calendars);
    }

    public async Task<CaseRules> ForCaseAsync(CaseWorkflowDbContext db, Case c, CancellationToken ct, CouncilCalendars? calendars = null)
    {
        calendars ??= state.Current.Calendars;
        // At start-up (a calendar change noticed before the first refresh) the state may not be loaded yet.
        if (state.IsLoaded && state.Current.Policies.Version(c.Stream, c.PolicyVersion) is { } known)
        {
            return With(known, calendars);
        }
        var row = await db.PolicyVersions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Stream == (int)c.Stream && p.Version == c.PolicyVersion, ct)
            ?? throw new InvalidOperationException($"Policy {c.Stream} version {c.PolicyVersion} is missing.");
        return With(ProtoJson.Read<ProcedurePolicy>(row.Document), calendars);
    }

    /// <summary>The rules of a given policy version under today's calendars (imported history picks the version of its time).</summary>
    public CaseRules ForPolicy(ProcedurePolicy policy, CouncilCalendars calendars) => With(policy, calendars);

    private CaseRules With(ProcedurePolicy policy, CouncilCalendars calendars) =>
        new(policy, calendars.For(policy.Stream), calendars.Version, Today(calendars)) { DueSoonWorkingDays = DueSoonWorkingDays };
}
