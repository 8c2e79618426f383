using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Grpc;

internal static class RegisterMapping
{
    public static AdjustmentRecord ToRecord(PersonAdjustment a, IEnumerable<RegisterReviewEntry> reviews)
    {
        var record = new AdjustmentRecord
        {
            Id = a.Id.ToString(),
            PersonId = a.PersonId.ToString(),
            Category = (Adjustment)a.Category,
            Description = a.Description,
            FromDate = ProtoDates.ToProto(a.FromDate),
            NextReviewOn = a.EndedOn is null ? ProtoDates.ToProto(a.NextReviewOn) : null,
            AgreedBy = a.AgreedBy,
            RecordedBy = a.RecordedBy,
            RecordedAt = ContactMapping.Ts(a.RecordedAt),
            Active = a.EndedOn is null,
            EndedOn = ProtoDates.ToProto(a.EndedOn),
        };
        record.Reviews.AddRange(Reviews(reviews));
        return record;
    }

    public static RestrictionRecord ToRecord(PersonRestriction r, IEnumerable<RegisterReviewEntry> reviews)
    {
        var record = new RestrictionRecord
        {
            Id = r.Id.ToString(),
            PersonId = r.PersonId.ToString(),
            RestrictionType = (RestrictionType)r.Type,
            Reason = r.Reason,
            Details = r.Details ?? "",
            StartOn = ProtoDates.ToProto(r.StartOn),
            ReviewOn = r.EndedOn is null ? ProtoDates.ToProto(r.NextReviewOn) : null,
            RecordedBy = r.RecordedBy,
            RecordedAt = ContactMapping.Ts(r.RecordedAt),
            Active = r.EndedOn is null,
            EndedOn = ProtoDates.ToProto(r.EndedOn),
        };
        record.Reviews.AddRange(Reviews(reviews));
        record.LetterIds.AddRange(r.LetterIds.Select(id => id.ToString()));
        return record;
    }

    private static IEnumerable<RegisterReview> Reviews(IEnumerable<RegisterReviewEntry> reviews) =>
        reviews.OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).Select(r => new RegisterReview
        {
            ReviewedOn = ProtoDates.ToProto(r.ReviewedOn),
            Outcome = (ReviewOutcome)r.Outcome,
            NextReviewOn = ProtoDates.ToProto(r.NextReviewOn),
            Notes = r.Notes ?? "",
            ReviewedBy = r.ReviewedBy,
            RecordedAt = ContactMapping.Ts(r.RecordedAt),
        });
}
