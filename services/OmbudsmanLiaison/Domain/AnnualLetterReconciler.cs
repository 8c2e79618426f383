using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// Compares the Ombudsman's case-by-case files (received, decided, compliance) with the council's own
/// records for the letter's period and lists every difference: missing here, missing there, a
/// different decision, a different date, a different compliance outcome.
/// </summary>
public static class AnnualLetterReconciler
{
    public const string Complied = "COMPLIED";
    public const string CompliedLate = "COMPLIED_LATE";
    public const string NotComplied = "NOT_COMPLIED";

    private static readonly Dictionary<string, OmbudsmanDecision> s_decisionAliases = new()
    {
        ["CLOSED_AFTER_INITIAL_ENQUIRIES"] = OmbudsmanDecision.AssessedAndClosed,
        ["REFERRED_BACK_FOR_LOCAL_RESOLUTION"] = OmbudsmanDecision.Premature,
        ["INCOMPLETE_INVALID"] = OmbudsmanDecision.IncompleteOrInvalid,
    };

    public sealed record Files(string Received, string Decided, string Compliance);

    public static Reconciliation Reconcile(IReadOnlyList<EnquiryRecord> ours, Files files, DateOnly from, DateOnly to)
    {
        // Parse everything first: a bad file is refused whole, with its line.
        var received = OmbudsmanFile.Parse(files.Received, "received_csv", "REFERENCE", "RECEIVED_DATE");
        var decided = OmbudsmanFile.Parse(files.Decided, "decided_csv", "REFERENCE", "DECISION", "DECIDED_DATE");
        var compliance = OmbudsmanFile.Parse(files.Compliance, "compliance_csv", "REFERENCE", "COMPLIANCE");
        var receivedRows = received.Rows.Select(r => (Reference: OmbudsmanFile.Cell(r, "REFERENCE"), Date: received.Date(r, "RECEIVED_DATE"))).ToList();
        var decidedRows = decided.Rows.Select(r => (Reference: OmbudsmanFile.Cell(r, "REFERENCE"),
            Decision: ParseDecision(OmbudsmanFile.Cell(r, "DECISION"), r.Line), Date: decided.Date(r, "DECIDED_DATE"))).ToList();
        var complianceRows = compliance.Rows.Select(r => (Reference: OmbudsmanFile.Cell(r, "REFERENCE"),
            Outcome: ParseCompliance(OmbudsmanFile.Cell(r, "COMPLIANCE"), r.Line))).ToList();

        var byReference = ours.ToDictionary(e => e.OmbudsmanReference, StringComparer.OrdinalIgnoreCase);
        var result = new Reconciliation
        {
            ReceivedRows = receivedRows.Count,
            DecidedRows = decidedRows.Count,
            ComplianceRows = complianceRows.Count,
        };
        bool InPeriod(DateOnly? d) => d >= from && d <= to;

        foreach (var (reference, date) in receivedRows)
        {
            if (!byReference.TryGetValue(reference, out var e))
            {
                result.Differences.Add(Difference(LetterFile.Received, reference, DifferenceKind.MissingHere, Iso(date), ""));
            }
            else if (e.ReceivedOn != date)
            {
                result.Differences.Add(Difference(LetterFile.Received, reference, DifferenceKind.DifferentDate, Iso(date), Iso(e.ReceivedOn)));
            }
        }
        var theirReceived = receivedRows.Select(r => r.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in ours.Where(e => InPeriod(e.ReceivedOn) && !theirReceived.Contains(e.OmbudsmanReference)))
        {
            result.Differences.Add(Difference(LetterFile.Received, e.OmbudsmanReference, DifferenceKind.MissingThere, "", Iso(e.ReceivedOn)));
        }

        foreach (var (reference, decision, date) in decidedRows)
        {
            var theirs = $"{DomainNames<OmbudsmanDecision>.Name(decision)} {Iso(date)}";
            if (!byReference.TryGetValue(reference, out var e) || e.Decision is null)
            {
                result.Differences.Add(Difference(LetterFile.Decided, reference, DifferenceKind.MissingHere, theirs, ""));
                continue;
            }
            var ourDecision = $"{DomainNames<OmbudsmanDecision>.Name(e.Decision.Value)} {Iso(e.DecidedOn!.Value)}";
            if (e.Decision != decision)
            {
                result.Differences.Add(Difference(LetterFile.Decided, reference, DifferenceKind.DifferentDecision, theirs, ourDecision));
            }
            else if (e.DecidedOn != date)
            {
                result.Differences.Add(Difference(LetterFile.Decided, reference, DifferenceKind.DifferentDate, Iso(date), Iso(e.DecidedOn.Value)));
            }
        }
        var theirDecided = decidedRows.Select(r => r.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in ours.Where(e => e.Decision is not null && InPeriod(e.DecidedOn) && !theirDecided.Contains(e.OmbudsmanReference)))
        {
            result.Differences.Add(Difference(LetterFile.Decided, e.OmbudsmanReference, DifferenceKind.MissingThere, "",
                $"{DomainNames<OmbudsmanDecision>.Name(e.Decision!.Value)} {Iso(e.DecidedOn!.Value)}"));
        }

        foreach (var (reference, outcome) in complianceRows)
        {
            var ourOutcome = byReference.TryGetValue(reference, out var e) ? ComplianceOf(e) : null;
            if (ourOutcome is null)
            {
                result.Differences.Add(Difference(LetterFile.Compliance, reference, DifferenceKind.MissingHere, outcome, ""));
            }
            else if (ourOutcome != outcome)
            {
                result.Differences.Add(Difference(LetterFile.Compliance, reference, DifferenceKind.DifferentCompliance, outcome, ourOutcome));
            }
        }
        var theirCompliance = complianceRows.Select(r => r.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in ours.Where(e => e.Recommendations.Any(r => InPeriod(r.DueOn)) && !theirCompliance.Contains(e.OmbudsmanReference)))
        {
            result.Differences.Add(Difference(LetterFile.Compliance, e.OmbudsmanReference, DifferenceKind.MissingThere, "", ComplianceOf(e)!));
        }
        return result;
    }

    /// <summary>The council's own compliance outcome for an enquiry's recommendations, or null when it has none.</summary>
    public static string? ComplianceOf(EnquiryRecord enquiry) =>
        enquiry.Recommendations.Count == 0 ? null
        : enquiry.Recommendations.Any(r => r.CompletedOn is null) ? NotComplied
        : enquiry.Recommendations.Any(r => r.CompletedOn > r.DueOn) ? CompliedLate
        : Complied;

    private static OmbudsmanDecision ParseDecision(string label, int line)
    {
        var name = OmbudsmanFile.Normalise(label);
        if (DomainNames<OmbudsmanDecision>.TryParse(name, out var decision) && decision != OmbudsmanDecision.Unspecified)
        {
            return decision;
        }
        return s_decisionAliases.TryGetValue(name, out decision)
            ? decision
            : throw new ValidationException([new FieldViolation("decided_csv", $"line {line}: '{label}' is not an Ombudsman decision")]);
    }

    private static string ParseCompliance(string label, int line)
    {
        var name = OmbudsmanFile.Normalise(label);
        return name is Complied or CompliedLate or NotComplied
            ? name
            : throw new ValidationException([new FieldViolation("compliance_csv",
                $"line {line}: '{label}' is not a compliance outcome ({Complied}, {CompliedLate}, {NotComplied})")]);
    }

    private static Difference Difference(LetterFile file, string reference, DifferenceKind kind, string theirs, string ours) =>
        new() { File = file, OmbudsmanReference = reference, Kind = kind, Theirs = theirs, Ours = ours };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
