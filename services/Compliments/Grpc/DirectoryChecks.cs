using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Hosting.Errors;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>Checks ids against the council's organisation as last received from CaseWorkflow.</summary>
internal static class DirectoryChecks
{
    public static async Task<KnownCouncil> CouncilAsync(ComplimentsDbContext db, CancellationToken ct) =>
        await db.Council.AsNoTracking().FirstOrDefaultAsync(ct)
        ?? throw new RuleViolationException("The council's organisation has not yet arrived from CaseWorkflow; try again shortly.");

    public static async Task CheckAsync(
        ComplimentsDbContext db, Validator validator, string? serviceAreaId, string? teamId, string? officerId, CancellationToken ct)
    {
        if (serviceAreaId is not null && !await db.ServiceAreas.AnyAsync(a => a.Id == serviceAreaId && a.Current, ct))
        {
            validator.Add("service_area_id", "is not a service area of the council");
        }
        if (teamId is not null && serviceAreaId is not null
            && !await db.Teams.AnyAsync(t => t.Id == teamId && t.Current && t.ServiceAreaId == serviceAreaId, ct))
        {
            validator.Add("team_id", "is not a team of that service area");
        }
        // Officers are checked only when the configuration lists them.
        if (officerId is not null && await db.Officers.AnyAsync(ct)
            && !await db.Officers.AnyAsync(o => o.Id == officerId && o.Current, ct))
        {
            validator.Add("officer_id", "is not an officer of the council");
        }
    }
}
