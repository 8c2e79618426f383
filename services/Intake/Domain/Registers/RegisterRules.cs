using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Domain.Registers;

/// <summary>
/// What an adjustment, a restriction or a review must satisfy before anything is written. Dates are
/// the council's (London) calendar days: a start or review may be today or earlier, never later.
/// </summary>
public static class RegisterRules
{
    private const int TextMax = 2_000;
    private const int NameMax = 200;

    public static (DateOnly From, DateOnly NextReview) CheckAdjustment(RecordAdjustmentRequest r, DateOnly today)
    {
        var v = new Validator();
        v.Require(Enum.IsDefined(r.Category) && r.Category != Adjustment.Unspecified, "category", "must be one of the adjustment categories");
        v.NotBlank(r.Description, "description", TextMax);
        v.NotBlank(r.AgreedBy, "agreed_by", NameMax);
        var (from, next) = StartAndReview(v, r.FromDate, "from_date", r.NextReviewOn, "next_review_on", today);
        v.ThrowIfInvalid();
        return (from, next);
    }

    public static (DateOnly Start, DateOnly Review) CheckRestriction(RecordRestrictionRequest r, DateOnly today)
    {
        var v = new Validator();
        v.Require(Enum.IsDefined(r.RestrictionType) && r.RestrictionType != RestrictionType.Unspecified,
            "restriction_type", "must be one of the restriction types");
        v.NotBlank(r.Reason, "reason", TextMax);
        v.Require(r.Details.Length <= TextMax, "details", $"must be at most {TextMax} characters");
        v.Require(r.RestrictionType != RestrictionType.Other || !string.IsNullOrWhiteSpace(r.Details),
            "details", "say what the restriction is");
        var (start, review) = StartAndReview(v, r.StartOn, "start_on", r.ReviewOn, "review_on", today);
        v.ThrowIfInvalid();
        return (start, review);
    }

    /// <summary>A review of a record still in force: its date, and the next one unless it ends.</summary>
    public static (DateOnly ReviewedOn, DateOnly? Next) CheckReview(Google.Type.Date? reviewedOn, ReviewOutcome outcome,
        Google.Type.Date? nextReviewOn, string notes, DateOnly recordStart, DateOnly? endedOn, DateOnly today, Validator v)
    {
        if (endedOn is not null)
        {
            throw new RuleViolationException("It has already ended: record a new one instead.");
        }
        v.Require(Enum.IsDefined(outcome) && outcome != ReviewOutcome.Unspecified, "outcome", "must say whether it continues, changes or ends");
        v.Require(notes.Length <= TextMax, "notes", $"must be at most {TextMax} characters");
        DateOnly? next = null;
        if (!ProtoDates.TryToDateOnly(reviewedOn, out var reviewed))
        {
            v.Add("reviewed_on", "is required and must be a valid date");
        }
        else
        {
            v.Require(reviewed <= today, "reviewed_on", "must not be in the future");
            v.Require(reviewed >= recordStart, "reviewed_on", "must not be before it started");
        }
        if (outcome == ReviewOutcome.End)
        {
            v.Require(nextReviewOn is null, "next_review_on", "an ending has no next review");
        }
        else if (!ProtoDates.TryToDateOnly(nextReviewOn, out var n))
        {
            v.Add("next_review_on", "is required and must be a valid date");
        }
        else
        {
            v.Require(n > reviewed, "next_review_on", "must be after the review");
            next = n;
        }
        return (reviewed, next);
    }

    public static string Code(RestrictionType type) => type switch
    {
        RestrictionType.SinglePointOfContact => "SINGLE_POINT_OF_CONTACT",
        RestrictionType.WrittenContactOnly => "WRITTEN_CONTACT_ONLY",
        RestrictionType.LimitedCalls => "LIMITED_CALLS",
        RestrictionType.Other => "OTHER",
        _ => "UNSPECIFIED",
    };

    public static string Code(Adjustment category) => category switch
    {
        Adjustment.LargePrint => "LARGE_PRINT",
        Adjustment.EasyRead => "EASY_READ",
        Adjustment.Braille => "BRAILLE",
        Adjustment.Interpreter => "INTERPRETER",
        Adjustment.ViaRepresentative => "VIA_REPRESENTATIVE",
        Adjustment.PhoneCallFirst => "PHONE_CALL_FIRST",
        Adjustment.Other => "OTHER",
        _ => "UNSPECIFIED",
    };

    private static (DateOnly Start, DateOnly Review) StartAndReview(Validator v, Google.Type.Date? start, string startField,
        Google.Type.Date? review, string reviewField, DateOnly today)
    {
        var startOk = ProtoDates.TryToDateOnly(start, out var s);
        var reviewOk = ProtoDates.TryToDateOnly(review, out var r);
        v.Require(startOk, startField, "is required and must be a valid date");
        v.Require(reviewOk, reviewField, "is required and must be a valid date");
        if (startOk)
        {
            v.Require(s <= today, startField, "must be today or earlier");
            v.Require(s.Year >= 2000, startField, "is not a plausible date");
        }
        if (startOk && reviewOk)
        {
            v.Require(r > s, reviewField, "must be after the start");
        }
        return (s, r);
    }
}
