using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Domain.Registers;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Retention;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>The person's registers: reasonable adjustments (this file), restrictions and the review queue (the other parts).</summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed partial class RegistersService(
    IntakeDbContext db,
    IOutbox outbox,
    CorrespondenceSignal correspondence,
    CouncilClockSource councilClock,
    TimeProvider clock) : V1.Registers.RegistersBase
{
    private async Task<DateOnly> LocalDateAsync(DateTimeOffset instant, CancellationToken ct) =>
        (await councilClock.GetAsync(db, ct)).LocalDate(instant);

    public override async Task<AdjustmentRecord> RecordAdjustment(RecordAdjustmentRequest request, ServerCallContext context)
    {
        var personId = ParseId(request.PersonId, "person_id");
        var now = clock.GetUtcNow();
        var (from, next) = RegisterRules.CheckAdjustment(request, await LocalDateAsync(now, context.CancellationToken));
        await RequirePersonAsync(personId, context.CancellationToken);
        var adjustment = new PersonAdjustment
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            Category = (int)request.Category,
            Description = request.Description.Trim(),
            FromDate = from,
            NextReviewOn = next,
            AgreedBy = request.AgreedBy.Trim(),
            RecordedBy = Caller.From(context).Subject,
            RecordedAt = now.UtcDateTime,
        };
        db.Adjustments.Add(adjustment);
        await StageAdjustmentsChangedAsync(personId, now.UtcDateTime, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return RegisterMapping.ToRecord(adjustment, []);
    }

    public override async Task<AdjustmentRecord> ReviewAdjustment(ReviewAdjustmentRequest request, ServerCallContext context)
    {
        var id = ParseId(request.AdjustmentId, "adjustment_id");
        await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var adjustment = await db.Adjustments.FromSql($"SELECT * FROM intake.person_adjustments WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(context.CancellationToken) ?? throw new NotFoundException("The adjustment");
        var now = clock.GetUtcNow();
        var v = new Validator();
        var (reviewed, next) = RegisterRules.CheckReview(request.ReviewedOn, request.Outcome, request.NextReviewOn, request.Notes,
            adjustment.FromDate, adjustment.EndedOn, await LocalDateAsync(now, context.CancellationToken), v);
        if (request.Outcome == ReviewOutcome.Change)
        {
            v.Require(request.Category != Adjustment.Unspecified || !string.IsNullOrWhiteSpace(request.Description),
                "category", "a change needs a new category or description");
            v.Require(Enum.IsDefined(request.Category), "category", "must be one of the adjustment categories");
            v.Require(request.Description.Length <= 2_000, "description", "must be at most 2000 characters");
        }
        v.ThrowIfInvalid();

        if (request.Outcome == ReviewOutcome.Change)
        {
            adjustment.Category = request.Category != Adjustment.Unspecified ? (int)request.Category : adjustment.Category;
            adjustment.Description = string.IsNullOrWhiteSpace(request.Description) ? adjustment.Description : request.Description.Trim();
        }
        if (next is { } n)
        {
            adjustment.NextReviewOn = n;
        }
        else
        {
            adjustment.EndedOn = reviewed;
        }
        db.RegisterReviews.Add(NewReview(adjustment.Id, reviewed, request.Outcome, next, request.Notes, context, now.UtcDateTime));
        if (request.Outcome != ReviewOutcome.Continue)
        {
            await StageAdjustmentsChangedAsync(adjustment.PersonId, now.UtcDateTime, context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        await tx.CommitAsync(context.CancellationToken);
        return RegisterMapping.ToRecord(adjustment, await ReviewsAsync(adjustment.Id, context.CancellationToken));
    }

    public override async Task<PersonRegisters> GetPersonRegisters(GetPersonRegistersRequest request, ServerCallContext context)
    {
        var personId = ParseId(request.PersonId, "person_id");
        await RequirePersonAsync(personId, context.CancellationToken);
        var ct = context.CancellationToken;
        var adjustments = await db.Adjustments.AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.RecordedAt).ToListAsync(ct);
        var restrictions = await db.Restrictions.AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.RecordedAt).ToListAsync(ct);
        var ids = adjustments.Select(a => a.Id).Concat(restrictions.Select(r => r.Id)).ToList();
        var reviews = (await db.RegisterReviews.AsNoTracking().Where(r => ids.Contains(r.RecordId)).ToListAsync(ct))
            .ToLookup(r => r.RecordId);
        var caller = Caller.From(context);
        var now = clock.GetUtcNow();
        foreach (var (kind, id) in adjustments.Select(a => (AuditKinds.Adjustment, a.Id)).Concat(restrictions.Select(r => (AuditKinds.Restriction, r.Id))))
        {
            ReadAudit.Add(db, caller, now, nameof(GetPersonRegisters), kind, id.ToString(), personId.ToString());
        }
        await db.SaveChangesAsync(ct);
        var latest = await LatestContactAsync(personId, ct);
        var reply = new PersonRegisters
        {
            PersonId = personId.ToString(), PersonName = latest.Name, LatestContactId = latest.Id.ToString(), LatestReference = latest.Reference,
        };
        reply.Adjustments.AddRange(adjustments.Select(a => RegisterMapping.ToRecord(a, reviews[a.Id])));
        reply.Restrictions.AddRange(restrictions.Select(r => RegisterMapping.ToRecord(r, reviews[r.Id])));
        return reply;
    }

    // The whole set in force after this change, so CaseWorkflow replaces what it shows.
    private async Task StageAdjustmentsChangedAsync(Guid personId, DateTime now, CancellationToken ct)
    {
        var inForce = await db.Adjustments.AsNoTracking().Where(a => a.PersonId == personId && a.EndedOn == null)
            .Select(a => new { a.Id, a.Category }).ToListAsync(ct);
        // Tracked changes are not in the database yet: apply them over what it holds.
        var tracked = db.ChangeTracker.Entries<PersonAdjustment>().Where(e => e.Entity.PersonId == personId).Select(e => e.Entity).ToList();
        var categories = inForce.Where(a => tracked.All(t => t.Id != a.Id)).Select(a => a.Category)
            .Concat(tracked.Where(t => t.EndedOn is null).Select(t => t.Category));
        var changed = new PersonAdjustmentsChanged { PersonId = personId.ToString(), ChangedAt = ContactMapping.Ts(now) };
        changed.AdjustmentCodes.AddRange(categories.Distinct().Order().Select(c => RegisterRules.Code((Adjustment)c)));
        outbox.Add(db, changed);
    }

    private async Task RequirePersonAsync(Guid personId, CancellationToken ct)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct))
        {
            throw new NotFoundException("The person");
        }
    }

    private async Task<List<RegisterReviewEntry>> ReviewsAsync(Guid recordId, CancellationToken ct) =>
        await db.RegisterReviews.AsNoTracking().Where(r => r.RecordId == recordId).ToListAsync(ct);

    private static RegisterReviewEntry NewReview(Guid recordId, DateOnly reviewed, ReviewOutcome outcome, DateOnly? next,
        string notes, ServerCallContext context, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        RecordId = recordId,
        ReviewedOn = reviewed,
        Outcome = (int)outcome,
        NextReviewOn = next,
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        ReviewedBy = Caller.From(context).Subject,
        RecordedAt = now,
    };

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException([new FieldViolation(field, "is not a valid id")]);
}
