using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain.Registers;
using ComplaintsPlatform.Intake.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>
/// A restriction is never a bar on complaining: a new contact from a restricted person is received and
/// triaged like any other, and flagged so the team screens it for new issues or safeguarding concerns.
/// </summary>
internal static class RestrictionScreenings
{
    public static async Task FlagIfRestrictedAsync(IntakeDbContext db, Contact contact, DateTime now, CancellationToken ct)
    {
        var types = await db.Restrictions.AsNoTracking()
            .Where(r => r.PersonId == contact.PersonId && r.EndedOn == null)
            .Select(r => r.Type).Distinct().ToListAsync(ct);
        if (types.Count == 0)
        {
            return;
        }
        db.RestrictionScreenings.Add(new RestrictionScreening
        {
            ContactId = contact.Id,
            PersonId = contact.PersonId,
            RestrictionCodes = [.. types.Order().Select(t => RegisterRules.Code((RestrictionType)t))],
            FlaggedAt = now,
        });
    }
}
