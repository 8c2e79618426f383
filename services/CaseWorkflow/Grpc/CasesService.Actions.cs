using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using DomainCase = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using V1Case = ComplaintsPlatform.CaseWorkflow.V1.Case;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

// A case as the calling officer sees it: what they may do now, and how many working days are left.
public sealed partial class CasesService
{
    private static readonly string[] s_changingRoles = [Roles.ComplaintsTeam, Roles.Handler, Roles.ServiceLead];

    private async Task<V1Case> ForOfficerAsync(CaseRecord record, DomainCase c, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var caseRules = await rules.ForCaseAsync(db, c, context.CancellationToken);
        var proto = CaseMapping.ToProto(c, record.VisibleRevision, caseRules.Today);
        // The roles the access rules let this caller change the case in (none: they only read it).
        var roles = s_changingRoles.Where(role => CaseAccess.ChangeRole(caller, record, [role]) == role).ToHashSet();
        proto.AvailableActions.Add(c.AvailableActions(caller.Subject, roles, Directory.ServiceAreasOf(caller), caseRules));
        if (c.NextDeadline is { } next)
        {
            proto.NextDeadlineWorkingDaysLeft = caseRules.Calendar.WorkingDaysBetween(caseRules.Today, next);
        }
        return await WithPersonFlagsAsync(proto, context.CancellationToken);
    }

    // PostgreSQL sorts NULLs last in ascending order, so the (next_deadline, id) indexes serve the
    // default order directly; sorting on "next_deadline IS NULL" first forced a sort of every row.
    private static IQueryable<CaseRecord> Sorted(IQueryable<CaseRecord> query, CaseSort sort, bool descending) => (sort, descending) switch
    {
        (CaseSort.Received, false) => query.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id),
        (CaseSort.Received, true) => query.OrderByDescending(c => c.ReceivedOn).ThenBy(c => c.Id),
        (CaseSort.Reference, false) => query.OrderBy(c => c.Reference).ThenBy(c => c.Id),
        (CaseSort.Reference, true) => query.OrderByDescending(c => c.Reference).ThenBy(c => c.Id),
        (CaseSort.Stage, false) => query.OrderBy(c => c.CurrentStage).ThenBy(c => c.NextDeadline).ThenBy(c => c.Id),
        (CaseSort.Stage, true) => query.OrderByDescending(c => c.CurrentStage).ThenBy(c => c.NextDeadline).ThenBy(c => c.Id),
        (_, true) => query.OrderByDescending(c => c.NextDeadline.HasValue).ThenByDescending(c => c.NextDeadline).ThenBy(c => c.Id),
        _ => query.OrderBy(c => c.NextDeadline).ThenBy(c => c.Id),
    };

    private static CaseSummary WithWorkingDaysLeft(CaseSummary summary, CouncilCalendars calendars, DateOnly today)
    {
        if (summary.NextDeadline is { Year: > 0 } due)
        {
            summary.WorkingDaysLeft = calendars.For(summary.Stream).WorkingDaysBetween(today, new DateOnly(due.Year, due.Month, due.Day));
        }
        return summary;
    }
}
