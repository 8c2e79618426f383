using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Domain.Registers;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

public sealed partial class RegistersService
{
    public override async Task<DueReviews> ListDueReviews(ListDueReviewsRequest request, ServerCallContext context)
    {
        new Validator()
            .Require(request.DueWithinDays is >= 0 and <= 366, "due_within_days", "must be between 0 and 366")
            .Require(request.PageSize is >= 0 and <= 500, "page_size", "must be between 0 and 500")
            .ThrowIfInvalid();
        var today = await LocalDateAsync(clock.GetUtcNow(), context.CancellationToken);
        var until = today.AddDays(request.DueWithinDays);
        var take = request.PageSize == 0 ? 50 : request.PageSize;
        var ct = context.CancellationToken;
        // Each register read through its partial index on active records, then merged.
        var adjustments = await db.Adjustments.AsNoTracking().Where(a => a.EndedOn == null && a.NextReviewOn <= until)
            .OrderBy(a => a.NextReviewOn).ThenBy(a => a.Id).Take(take)
            .Select(a => new { a.Id, a.PersonId, Code = a.Category, Due = a.NextReviewOn }).ToListAsync(ct);
        var restrictions = await db.Restrictions.AsNoTracking().Where(r => r.EndedOn == null && r.NextReviewOn <= until)
            .OrderBy(r => r.NextReviewOn).ThenBy(r => r.Id).Take(take)
            .Select(r => new { r.Id, r.PersonId, Code = r.Type, Due = r.NextReviewOn }).ToListAsync(ct);

        var items = adjustments.Select(a => new DueReview
            {
                Kind = RegisterKind.Adjustment, RecordId = a.Id.ToString(), PersonId = a.PersonId.ToString(),
                Code = RegisterRules.Code((Adjustment)a.Code), ReviewDueOn = ProtoDates.ToProto(a.Due), DaysUntilDue = a.Due.DayNumber - today.DayNumber,
            })
            .Concat(restrictions.Select(r => new DueReview
            {
                Kind = RegisterKind.Restriction, RecordId = r.Id.ToString(), PersonId = r.PersonId.ToString(),
                Code = RegisterRules.Code((RestrictionType)r.Code), ReviewDueOn = ProtoDates.ToProto(r.Due), DaysUntilDue = r.Due.DayNumber - today.DayNumber,
            }))
            .OrderBy(i => i.DaysUntilDue).ThenBy(i => i.RecordId, StringComparer.Ordinal).Take(take);
        var page = items.ToList();
        // The name on each person's latest contact, so the queue reads as people, not ids.
        var people = page.Select(i => Guid.Parse(i.PersonId)).Distinct().ToList();
        var names = (await db.Contacts.AsNoTracking().Where(c => people.Contains(c.PersonId))
                .Select(c => new { c.PersonId, c.Name, c.ReceivedAt, c.Id }).ToListAsync(ct))
            .GroupBy(c => c.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).First().Name);
        foreach (var item in page)
        {
            item.PersonName = names.GetValueOrDefault(Guid.Parse(item.PersonId), "");
        }
        var reply = new DueReviews();
        reply.Items.AddRange(page);
        return reply;
    }
}
