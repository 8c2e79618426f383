using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>
/// Who reads which compliments: the complaints team all; a service lead their directorate's; any
/// officer those about them (and, as the staff role allows, those they logged). Scrutiny never
/// reaches these RPCs: it sees compliments only as counts through Reporting.
/// </summary>
internal static class Access
{
    // Every officer role; scrutiny and service principals are not among them.
    public const string Readers = Roles.ComplaintsTeam + "," + Roles.ServiceLead + "," + Roles.Staff + "," + Roles.Handler + "," + Roles.LinkOfficer;

    public const string Recorders = Roles.ComplaintsTeam + "," + Roles.Staff;

    public const string Reporters = Roles.ComplaintsTeam + "," + Roles.ServiceLead;

    public static IQueryable<Compliment> VisibleTo(this IQueryable<Compliment> query, ComplimentsDbContext db, Caller caller)
    {
        if (caller.IsInRole(Roles.ComplaintsTeam))
        {
            return query;
        }
        var me = caller.Subject;
        if (caller.IsInRole(Roles.ServiceLead) && !string.IsNullOrEmpty(caller.Directorate))
        {
            var areas = db.ServiceAreas.Where(a => a.DirectorateId == caller.Directorate).Select(a => a.Id);
            return query.Where(c => areas.Contains(c.ServiceAreaId) || c.OfficerId == me || c.RecordedBy == me);
        }
        return query.Where(c => c.OfficerId == me || c.RecordedBy == me);
    }

    public static async Task<Compliment> ReadableAsync(ComplimentsDbContext db, Caller caller, Guid id, bool track, CancellationToken ct)
    {
        var all = track ? db.Compliments : db.Compliments.AsNoTracking();
        var compliment = await all.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"Compliment {id}");
        if (!await db.Compliments.VisibleTo(db, caller).AnyAsync(c => c.Id == id, ct))
        {
            throw new AccessDeniedException(
                "You may read only compliments about you or that you logged (a service lead: their directorate's).");
        }
        return compliment;
    }

    /// <summary>Changing one is for the complaints team, or the officer who logged it.</summary>
    public static void EnsureMayChange(Caller caller, Compliment compliment)
    {
        if (!caller.IsInRole(Roles.ComplaintsTeam) && compliment.RecordedBy != caller.Subject)
        {
            throw new AccessDeniedException("Only the complaints team or the officer who logged a compliment may change it.");
        }
    }

    /// <summary>The service areas a reporting caller may count: null for all (complaints team).</summary>
    public static async Task<List<string>?> ReportableAreasAsync(
        ComplimentsDbContext db, Caller caller, string? directorateId, CancellationToken ct)
    {
        if (caller.IsInRole(Roles.ComplaintsTeam))
        {
            return directorateId is null
                ? null
                : await db.ServiceAreas.Where(a => a.DirectorateId == directorateId).Select(a => a.Id).ToListAsync(ct);
        }
        if (string.IsNullOrEmpty(caller.Directorate) || (directorateId is not null && directorateId != caller.Directorate))
        {
            throw new AccessDeniedException("A service lead sees the compliments of their own directorate only.");
        }
        return await db.ServiceAreas.Where(a => a.DirectorateId == caller.Directorate).Select(a => a.Id).ToListAsync(ct);
    }
}
