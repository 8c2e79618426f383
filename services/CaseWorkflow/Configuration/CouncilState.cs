using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
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

    /// <summary>The configuration, its calendars and every policy version; which version is in force depends on the day asked about.</summary>
    public sealed record Snapshot(CouncilConfiguration Configuration, CouncilCalendars Calendars, PolicyTimeline Policies);

    public BankHolidayData BankHolidays => bankHolidays;

    public bool IsLoaded => _current is not null;

    public Snapshot Current => _current
        ?? throw new Hosting.Errors.RuleViolationException("The council configuration has not been loaded yet.");

    public async Task RefreshAsync(CaseWorkflowDbContext db, CancellationToken ct)
    {
        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        var versions = await PolicyQueries.LatestVersionsAsync(db, ct);
        if (latest is null)
        {
            return;
        }
        var current = _current;
        var known = current?.Policies.LatestVersions;
        var policiesUnchanged = known is not null && known.Count == versions.Count
            && versions.All(v => known.TryGetValue(v.Key, out var k) && k == v.Value);
        if (current is not null && current.Configuration.Version == latest.Version && policiesUnchanged)
        {
            return;
        }
        var configuration = ProtoJson.Read<CouncilConfiguration>(latest.Document);
        var calendars = current?.Configuration.Version == latest.Version
            ? current.Calendars
            : new CouncilCalendars(bankHolidays, configuration.Council);
        var policies = policiesUnchanged ? current!.Policies : await PolicyQueries.TimelineAsync(db, calendars.Clock, ct);
        _current = new Snapshot(configuration, calendars, policies);
    }
}
