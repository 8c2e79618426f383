using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Domain.Registers;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

public sealed partial class RegistersService
{
    public override async Task<RestrictionRecord> RecordRestriction(RecordRestrictionRequest request, ServerCallContext context)
    {
        var personId = ParseId(request.PersonId, "person_id");
        var now = clock.GetUtcNow();
        var (start, review) = RegisterRules.CheckRestriction(request, await LocalDateAsync(now, context.CancellationToken));
        var ct = context.CancellationToken;
        var addressedTo = await LatestContactAsync(personId, ct);
        var restriction = new PersonRestriction
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            Type = (int)request.RestrictionType,
            Reason = request.Reason.Trim(),
            Details = string.IsNullOrWhiteSpace(request.Details) ? null : request.Details.Trim(),
            StartOn = start,
            NextReviewOn = review,
            RecordedBy = Caller.From(context).Subject,
            RecordedAt = now.UtcDateTime,
        };
        db.Restrictions.Add(restriction);
        QueueLetter(restriction, addressedTo, Templates.RestrictionNotice, $"restriction:{restriction.Id}", null, now.UtcDateTime,
            await CorrespondenceDesk.RegisteredAdjustmentsAsync(db, personId, ct));
        StageRestrictionChanged(restriction, now.UtcDateTime);
        await db.SaveChangesAsync(ct);
        correspondence.Notify();
        return RegisterMapping.ToRecord(restriction, []);
    }

    public override async Task<RestrictionRecord> ReviewRestriction(ReviewRestrictionRequest request, ServerCallContext context)
    {
        var id = ParseId(request.RestrictionId, "restriction_id");
        var ct = context.CancellationToken;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var restriction = await db.Restrictions.FromSql($"SELECT * FROM intake.person_restrictions WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("The restriction");
        var now = clock.GetUtcNow();
        var v = new Validator();
        var (reviewed, next) = RegisterRules.CheckReview(request.ReviewedOn, request.Outcome, request.NextReviewOn, request.Notes,
            restriction.StartOn, restriction.EndedOn, await LocalDateAsync(now, context.CancellationToken), v);
        if (request.Outcome == ReviewOutcome.Change)
        {
            v.Require(request.RestrictionType != RestrictionType.Unspecified || !string.IsNullOrWhiteSpace(request.Reason)
                || !string.IsNullOrWhiteSpace(request.Details), "restriction_type", "a change needs a new type, reason or details");
            v.Require(Enum.IsDefined(request.RestrictionType), "restriction_type", "must be one of the restriction types");
            v.Require(request.Reason.Length <= 2_000, "reason", "must be at most 2000 characters");
            v.Require(request.Details.Length <= 2_000, "details", "must be at most 2000 characters");
        }
        v.ThrowIfInvalid();

        if (request.Outcome == ReviewOutcome.Change)
        {
            restriction.Type = request.RestrictionType != RestrictionType.Unspecified ? (int)request.RestrictionType : restriction.Type;
            restriction.Reason = string.IsNullOrWhiteSpace(request.Reason) ? restriction.Reason : request.Reason.Trim();
            restriction.Details = string.IsNullOrWhiteSpace(request.Details) ? restriction.Details : request.Details.Trim();
        }
        if (next is { } n)
        {
            restriction.NextReviewOn = n;
        }
        else
        {
            restriction.EndedOn = reviewed;
        }
        var entry = NewReview(restriction.Id, reviewed, request.Outcome, next, request.Notes, context, now.UtcDateTime);
        db.RegisterReviews.Add(entry);
        // A restriction that stays as it was needs no letter; a change or an ending is written to the person.
        if (request.Outcome != ReviewOutcome.Continue)
        {
            var addressedTo = await LatestContactAsync(restriction.PersonId, ct);
            QueueLetter(restriction, addressedTo, Templates.RestrictionReview, $"restriction-review:{entry.Id}", reviewed, now.UtcDateTime,
                await CorrespondenceDesk.RegisteredAdjustmentsAsync(db, restriction.PersonId, ct));
        }
        StageRestrictionChanged(restriction, now.UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        correspondence.Notify();
        return RegisterMapping.ToRecord(restriction, await ReviewsAsync(restriction.Id, ct));
    }

    // Letters go where the person's latest contact says, honouring its preferences and adjustments.
    private async Task<Contact> LatestContactAsync(Guid personId, CancellationToken ct) =>
        await db.Contacts.AsNoTracking().Where(c => c.PersonId == personId)
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("The person");

    private void QueueLetter(PersonRestriction r, Contact addressedTo, string template, string requestId, DateOnly? reviewedOn, DateTime now,
        IReadOnlyCollection<Adjustment> registered)
    {
        var facts = new Dictionary<string, string>
        {
            ["restriction_code"] = RegisterRules.Code((RestrictionType)r.Type),
            ["restriction_text"] = Describe((RestrictionType)r.Type),
            ["reason"] = r.Reason,
            ["details"] = r.Details ?? "",
            ["start_on"] = r.StartOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (r.EndedOn is { } ended)
        {
            facts["ended_on"] = ended.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            facts["review_on"] = r.NextReviewOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
        if (reviewedOn is { } rv)
        {
            facts["reviewed_on"] = rv.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
        var letter = CorrespondenceDesk.ForContact(addressedTo, template, facts, requestId, null, null, now, registered);
        db.Correspondence.Add(letter);
        r.LetterIds = [.. r.LetterIds, letter.Id];
    }

    private void StageRestrictionChanged(PersonRestriction r, DateTime now) => outbox.Add(db, new PersonRestrictionChanged
    {
        PersonId = r.PersonId.ToString(),
        RestrictionId = r.Id.ToString(),
        RestrictionCode = RegisterRules.Code((RestrictionType)r.Type),
        Active = r.EndedOn is null,
        ReviewOn = r.EndedOn is null ? ProtoDates.ToProto(r.NextReviewOn) : null,
        ChangedAt = ContactMapping.Ts(now),
    });

    private static string Describe(RestrictionType type) => type switch
    {
        RestrictionType.SinglePointOfContact => "please contact us only through one named officer",
        RestrictionType.WrittenContactOnly => "please contact us in writing only (letter or email)",
        RestrictionType.LimitedCalls => "we will limit the phone calls we take from you",
        _ => "we will manage your contact with us as described below",
    };
}
