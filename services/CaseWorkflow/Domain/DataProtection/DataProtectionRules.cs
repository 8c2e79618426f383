using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.DataProtection;

/// <summary>What a legal hold and an erasure or rectification request must say, and when they may change.</summary>
public static class DataProtectionRules
{
    public const int MaxReasonLength = 2000;

    /// <summary>A hold or request names exactly one person (Intake's id) or one case.</summary>
    public static void CheckSubject(string personId, string caseId, List<FieldViolation> violations)
    {
        var hasPerson = !string.IsNullOrWhiteSpace(personId);
        var hasCase = !string.IsNullOrWhiteSpace(caseId);
        if (hasPerson == hasCase)
        {
            violations.Add(new FieldViolation(hasPerson ? "case_id" : "person_id", "Enter a person id or a case id, not both"));
        }
        if (hasPerson && personId.Length > 100)
        {
            violations.Add(new FieldViolation("person_id", "is not a person id"));
        }
        if (hasCase && !Guid.TryParse(caseId, out _))
        {
            violations.Add(new FieldViolation("case_id", "is not a case id"));
        }
    }

    public static void CheckReason(string reason, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            violations.Add(new FieldViolation(field, "Enter the reason (it is recorded)"));
        }
        else if (reason.Length > MaxReasonLength)
        {
            violations.Add(new FieldViolation(field, $"Keep it to {MaxReasonLength} characters."));
        }
    }

    public static void PlaceHold(PlaceLegalHoldRequest request) => Throw(v =>
    {
        CheckSubject(request.PersonId, request.CaseId, v);
        CheckReason(request.Reason, "reason", v);
    });

    public static void ReleaseHold(DateTimeOffset? releasedAt, ReleaseLegalHoldRequest request)
    {
        Throw(v => CheckReason(request.Reason, "reason", v));
        if (releasedAt is not null)
        {
            throw new RuleViolationException("This legal hold has already been released.");
        }
    }

    public static void RecordRequest(RecordDataRequestRequest request, DateOnly today) => Throw(v =>
    {
        if (request.Kind == DataRequestKind.Unspecified)
        {
            v.Add(new FieldViolation("kind", "Select erasure or rectification"));
        }
        CheckSubject(request.PersonId, request.CaseId, v);
        CheckReason(request.Reason, "reason", v);
        if (request.ReceivedOn is null || !Calendar.ProtoDates.TryToDateOnly(request.ReceivedOn, out var received))
        {
            v.Add(new FieldViolation("received_on", "Enter the date the request was received"));
        }
        else if (received > today)
        {
            v.Add(new FieldViolation("received_on", "cannot be in the future"));
        }
    });

    public static void Decide(int currentDecision, DecideDataRequestRequest request)
    {
        Throw(v =>
        {
            if (request.Decision == DataRequestDecision.Unspecified)
            {
                v.Add(new FieldViolation("decision", "Select approve or refuse"));
            }
            CheckReason(request.DecisionReason, "decision_reason", v);
        });
        if (currentDecision != (int)DataRequestDecision.Unspecified)
        {
            throw new RuleViolationException("This request has already been decided; record a new request if the person asks again.");
        }
    }

    private static void Throw(Action<List<FieldViolation>> check)
    {
        var violations = new List<FieldViolation>();
        check(violations);
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }
}
