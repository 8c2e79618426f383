using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>
/// The configuration in force, held in memory for the hot paths (deadlines) and refreshed from the
/// database, so every replica follows a change made through another.
/// </summary>
public sealed class CouncilState(BankHolidayData bankHolidays)
{
    private volatile Snapshot? _current;

    public sealed record Snapshot(CouncilConfiguration Configuration, CouncilCalendars Calendars, IReadOnlyDictionary<ComplaintStream, ProcedurePolicy> Policies);

    public BankHolidayData BankHolidays => bankHolidays;

    public bool IsLoaded => _current is not null;

    public Snapshot Current => _current
        ?? throw new Hosting.Errors.RuleViolationException("The council configuration has not been loaded yet.");

    public async Task RefreshAsync(CaseWorkflowDbContext db, CancellationToken ct)
    {
        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        var policyMap = await PolicyQueries.LatestAsync(db, ct);
        if (latest is null)
        {
            return;
        }
        var current = _current;
        if (current is not null && current.Configuration.Version == latest.Version
            && policyMap.All(p => current.Policies.TryGetValue(p.Key, out var known) && known.Version == p.Value.Version))
        {
            return;
        }
        var configuration = ProtoJson.Read<CouncilConfiguration>(latest.Document);
        var calendars = current?.Configuration.Version == latest.Version
            ? current.Calendars
            : new CouncilCalendars(bankHolidays, configuration.Council);
        _current = new Snapshot(configuration, calendars, policyMap);
    }
}
