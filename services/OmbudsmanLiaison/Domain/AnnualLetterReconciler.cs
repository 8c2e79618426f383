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

    /// <summary>The three files' text, and the request fields they came from (the CSV or the .xlsx), which a refusal names.</summary>
    public sealed record Files(string Received, string Decided, string Compliance,
        string ReceivedField = "received_csv", string DecidedField = "decided_csv", string ComplianceField = "compliance_csv");

    public static Reconciliation Reconcile(IReadOnlyList<EnquiryRecord> ours, Files files, DateOnly from, DateOnly to)
    {
        // Parse everything first: a bad file is refused whole, with its line.
        var received = OmbudsmanFile.Parse(files.Received, files.ReceivedField, "REFERENCE", "RECEIVED_DATE");
        var decided = OmbudsmanFile.Parse(files.Decided, files.DecidedField, "REFERENCE", "DECISION", "DECIDED_DATE");
        var compliance = OmbudsmanFile.Parse(files.Compliance, files.ComplianceField, "REFERENCE", "COMPLIANCE");
        var receivedRows = received.Rows.Select(r => (Reference: OmbudsmanFile.Cell(r, "REFERENCE"), Date: received.Date(r, "RECEIVED_DATE"))).ToList();
        var decidedRows = decided.Rows.Select(r => (Reference: OmbudsmanFile.Cell(r, "REFERENCE"),
            Decision: ParseDecision(OmbudsmanFile.Cell(r, "DECISION"), r.Line, files.DecidedField), Date: decided.Date(r, "DECIDED_DATE"))).ToList();
        var complianceRows = compliance.Rows.Select(r => (Reference: OmbudsmanFile.Cell(r, "REFERENCE"),
            Outcome: ParseCompliance(OmbudsmanFile.Cell(r, "COMPLIANCE"), r.Line, files.ComplianceField))).ToList();

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
            else
            {
                result.Matches.Add(Agreement(LetterFile.Received, reference, Iso(date)));
            }
        }
        var theirReceived = receivedRows.Select(r => r.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in ours.Where(e => InPeriod(e.ReceivedOn) && !theirReceived.Contains(e.OmbudsmanReference)))
        {
            result.Differences.Add(Difference(LetterFile.Received, e.OmbudsmanReference, DifferenceKind.MissingThere, "", Iso(e.ReceivedOn)));
        }

        foreach (var (reference, decision, date) in decidedRows)
        {
            var theirs = $"{decision} {Iso(date)}";
            if (!byReference.TryGetValue(reference, out var e) || OutcomeOf(e) is not { } our)
            {
                result.Differences.Add(Difference(LetterFile.Decided, reference, DifferenceKind.MissingHere, theirs, ""));
                continue;
            }
            var ourDecision = $"{our} {Iso(e.DecidedOn!.Value)}";
            if (our != decision)
            {
                result.Differences.Add(Difference(LetterFile.Decided, reference, DifferenceKind.DifferentDecision, theirs, ourDecision));
            }
            else if (e.DecidedOn != date)
            {
                result.Differences.Add(Difference(LetterFile.Decided, reference, DifferenceKind.DifferentDate, Iso(date), Iso(e.DecidedOn!.Value)));
            }
            else
            {
                result.Matches.Add(Agreement(LetterFile.Decided, reference, theirs));
            }
        }
        var theirDecided = decidedRows.Select(r => r.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in ours.Where(e => e.IsDecided && InPeriod(e.DecidedOn) && !theirDecided.Contains(e.OmbudsmanReference)))
        {
            result.Differences.Add(Difference(LetterFile.Decided, e.OmbudsmanReference, DifferenceKind.MissingThere, "",
                $"{OutcomeOf(e)} {Iso(e.DecidedOn!.Value)}"));
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
            else
            {
                result.Matches.Add(Agreement(LetterFile.Compliance, reference, outcome));
            }
        }
        var theirCompliance = complianceRows.Select(r => r.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in ours.Where(e => (e.Recommendations.Any(r => InPeriod(r.DueOn)) || e.Orders.Any(o => InPeriod(o.ComplianceDueOn)))
            && !theirCompliance.Contains(e.OmbudsmanReference)))
        {
            result.Differences.Add(Difference(LetterFile.Compliance, e.OmbudsmanReference, DifferenceKind.MissingThere, "", ComplianceOf(e)!));
        }
        return result;
    }

    /// <summary>The council's own compliance outcome for an enquiry's recommendations and (Housing Ombudsman) orders, or null when it has none.</summary>
    public static string? ComplianceOf(EnquiryRecord enquiry)
    {
        var remedies = enquiry.Recommendations.Select(r => (Due: r.DueOn, Done: r.CompletedOn))
            .Concat(enquiry.Orders.Select(o => (Due: o.ComplianceDueOn, Done: o.CompletedOn))).ToList();
        return remedies.Count == 0 ? null
            : remedies.Any(r => r.Done is null) ? NotComplied
            : remedies.Any(r => r.Done > r.Due) ? CompliedLate
            : Complied;
    }

    /// <summary>
    /// The outcome as the decided file and this comparison write it: the LGSCO's decision (UPHELD), or
    /// the Housing Ombudsman's determinations in name order (MALADMINISTRATION;SERVICE_FAILURE); null when undecided.
    /// </summary>
    public static string? OutcomeOf(EnquiryRecord enquiry) =>
        enquiry.Decision is { } decision ? DomainNames<OmbudsmanDecision>.Name(decision)
        : enquiry.HousingFindings.Count > 0 ? Determinations(enquiry.HousingFindings.Select(f => f.Determination))
        : null;

    private static string Determinations(IEnumerable<HousingDetermination> determinations) =>
        string.Join(';', determinations.Select(DomainNames<HousingDetermination>.Name).Order(StringComparer.Ordinal));

    private static string ParseDecision(string label, int line, string field)
    {
        var name = OmbudsmanFile.Normalise(label);
        if (DomainNames<OmbudsmanDecision>.TryParse(name, out var decision) && decision != OmbudsmanDecision.Unspecified)
        {
            return DomainNames<OmbudsmanDecision>.Name(decision);
        }
        if (s_decisionAliases.TryGetValue(name, out decision))
        {
            return DomainNames<OmbudsmanDecision>.Name(decision);
        }
        // The Housing Ombudsman's determination of each element, separated by semicolons.
        var parts = label.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(OmbudsmanFile.Normalise).ToList();
        var determinations = new List<HousingDetermination>();
        foreach (var part in parts)
        {
            if (!DomainNames<HousingDetermination>.TryParse(part, out var determination) || determination == HousingDetermination.Unspecified)
            {
                throw new ValidationException([new FieldViolation(field,
                    $"line {line}: '{label}' is not an Ombudsman decision or Housing Ombudsman determinations")]);
            }
            determinations.Add(determination);
        }
        return determinations.Count > 0
            ? Determinations(determinations)
            : throw new ValidationException([new FieldViolation(field, $"line {line}: the decision is empty")]);
    }

    private static string ParseCompliance(string label, int line, string field)
    {
        var name = OmbudsmanFile.Normalise(label);
        return name is Complied or CompliedLate or NotComplied
            ? name
            : throw new ValidationException([new FieldViolation(field,
                $"line {line}: '{label}' is not a compliance outcome ({Complied}, {CompliedLate}, {NotComplied})")]);
    }

    private static Difference Difference(LetterFile file, string reference, DifferenceKind kind, string theirs, string ours) =>
        new() { File = file, OmbudsmanReference = reference, Kind = kind, Theirs = theirs, Ours = ours };

    private static Agreement Agreement(LetterFile file, string reference, string value) =>
        new() { File = file, OmbudsmanReference = reference, Value = value };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
