using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using M = ComplaintsPlatform.Reporting.Domain.OmbudsmanMetrics;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// The tables "Reporting 2" adds to <see cref="ReportSpec"/>: the Ombudsman's figures and the escalation
/// refusals. They are ordinary report kinds, so access, suppression, caching, CSV and trends are shared.
/// </summary>
public static class Reporting2Specs
{
    public static ReportSpec For(ReportKind kind, IReadOnlyCollection<Agg> current, Func<string, string, string> label) => kind switch
    {
        ReportKind.OmbudsmanEnquiries => new("Ombudsman enquiries", false,
            [new("enquiries", "Enquiries", Metrics.Ombudsman)], [],
            [Previous(0, "Previous year"), Change(0)], true),
        ReportKind.OmbudsmanDecisions => Decisions(),
        ReportKind.OmbudsmanInvestigations => new("Ombudsman investigations", true,
        [
            Decision("investigated", "Investigated (upheld + not upheld)", OmbudsmanDecision.Upheld, OmbudsmanDecision.NotUpheld),
            Decision("upheld", "Upheld", OmbudsmanDecision.Upheld),
            Decision("not_upheld", "Not upheld", OmbudsmanDecision.NotUpheld),
            new("satisfactory_remedy", "Upheld: council had already remedied", M.SatisfactoryRemedy),
            new("public_interest_reports", "Public interest reports", M.PublicInterestReport),
        ],
        [[0, 1, 2]],
        [Percent("upheld_rate", "% upheld", 1, 0), Percent("satisfactory_remedy_rate", "% satisfactory remedy (of upheld)", 3, 1)]),
        ReportKind.OmbudsmanRemedies => Remedies(),
        ReportKind.EscalationRefusals => Refusals(current, label),
        ReportKind.StatutoryStages => Statutory(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static CountColumn Decision(string key, string label, params OmbudsmanDecision[] decisions)
    {
        var codes = decisions.Select(d => d.ToString()).ToArray();
        return new(key, label, M.Decision, a => codes.Contains(a.Code));
    }

    private static ReportSpec Decisions()
    {
        var decisions = Enum.GetValues<OmbudsmanDecision>().Where(d => d != OmbudsmanDecision.Unspecified)
            .Select(d => Decision("decision_" + d, Label(d.ToString()), d)).ToList();
        var reasons = Enum.GetValues<ClosureReason>().Where(r => r != ClosureReason.Unspecified)
            .Select(r => new CountColumn("closed_" + r, "Assessed and closed: " + Label(r.ToString()), M.Closure, a => a.Code == r.ToString())).ToList();
        var closed = 1 + decisions.FindIndex(c => c.Key == "decision_" + OmbudsmanDecision.AssessedAndClosed);
        List<CountColumn> counts = [new("decisions", "Decisions", M.Decision, a => a.Code != "Unspecified"), .. decisions, .. reasons,
            new("upheld_injustice", "Upheld with injustice", M.Injustice)];
        return new("Ombudsman decisions by category", true, counts,
            [[0, .. Enumerable.Range(1, decisions.Count)], [closed, .. Enumerable.Range(1 + decisions.Count, reasons.Count)]], []);
    }

    private static ReportSpec Remedies()
    {
        CountColumn Done(string key, string label, string code) => new(key, label, M.RecommendationCompleted, a => a.Code == code);
        // By type last, so the service improvements and procedure changes the Ombudsman asked for are listed.
        var types = Enum.GetValues<RecommendationType>().Where(t => t != RecommendationType.Unspecified)
            .Select(t => new CountColumn("agreed_" + t, "Agreed: " + Label(t.ToString()), M.RecommendationAgreed, a => a.Code == t.ToString())).ToList();
        return new("Ombudsman recommendations and remedies", true,
        [
            new("agreed", "Recommendations agreed", M.RecommendationAgreed),
            new("completed", "Recommendations completed", M.RecommendationCompleted),
            Done("completed_on_time", "Completed by the deadline", "on_time"),
            Done("completed_late", "Completed late", "late"),
            new("delayed", "Delayed remedies (over 12 months)", M.RecommendationDelayed),
            new("compensation_agreed_pence", "Compensation agreed", M.RecommendationAgreed, UseAmount: true, Unit: Unit.Pence),
            new("compensation_paid_pence", "Compensation paid", M.RecommendationCompleted, UseAmount: true, Unit: Unit.Pence),
            .. types,
        ],
        [[1, 2, 3], [0, .. Enumerable.Range(7, types.Count)]],
        [Percent("compliance_rate", "% compliance (completed by the deadline)", 2, 1)]);
    }

    private static ReportSpec Statutory()
    {
        var counts = new List<CountColumn>();
        var sets = new List<int[]>();
        var derived = new List<DerivedColumn>();
        CountColumn S(string code, string label) => new(code.Replace(':', '_'), label, M.Statutory, a => a.Code == code);
        for (var stage = 1; stage <= 3; stage++)
        {
            var at = counts.Count;
            counts.Add(S($"{stage}:entered", $"Stage {stage}: complaints"));
            counts.Add(S($"{stage}:responses", $"Stage {stage}: responses"));
            counts.Add(S($"{stage}:in_time", $"Stage {stage}: responded in time"));
            counts.Add(S($"{stage}:over", $"Stage {stage}: responded late"));
            counts.Add(S($"{stage}:finding_Upheld", $"Stage {stage}: upheld"));
            counts.Add(S($"{stage}:finding_PartlyUpheld", $"Stage {stage}: partly upheld"));
            counts.Add(S($"{stage}:finding_NotUpheld", $"Stage {stage}: not upheld"));
            counts.Add(S($"{stage}:finding_NoFinding", $"Stage {stage}: no finding"));
            sets.Add([at + 1, at + 2, at + 3]);
            derived.Add(Percent($"stage{stage}_in_time_rate", $"Stage {stage}: % in time", at + 2, at + 1));
            derived.AddRange(StageDays.Columns(stage, at + 1));
        }
        var advocacy = counts.Count;
        counts.Add(S("0:advocacy_offered", "Advocacy offered"));
        counts.Add(S("0:advocacy_accepted", "Advocacy accepted"));
        counts.Add(S("0:advocacy_declined", "Advocacy declined"));
        counts.Add(new("referred_to_ombudsman", "Referred to the Ombudsman", M.Referred));
        sets.Add([advocacy, advocacy + 1, advocacy + 2]);
        return new("Statutory complaints by stage", true, counts, sets, derived);
    }

    private static ReportSpec Refusals(IReadOnlyCollection<Agg> current, Func<string, string, string> label)
    {
        var codes = current.Where(a => a.Metric == Metrics.EscalationRefused).Select(a => a.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        List<CountColumn> counts = [new("total", "Escalations refused", Metrics.EscalationRefused),
            .. codes.Select(c => new CountColumn(c, label("escalation_refusal_reasons", c), Metrics.EscalationRefused, a => a.Code == c))];
        return new("Escalations refused by reason", true, counts, [[0, .. Enumerable.Range(1, codes.Count)]], []);
    }

    // "AssessedAndClosed" → "Assessed and closed".
    private static string Label(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static DerivedColumn Previous(int column, string label) => new("previous_" + column, label, Unit.Count, (_, previous) =>
        previous is null ? new Cell() : previous.Hidden[column] ? new Cell { Suppressed = true } : new Cell { Value = previous.Values[column] });

    private static DerivedColumn Change(int column) => new("change_" + column, "% change", Unit.Percent, (row, previous) =>
        previous is null || previous.Values[column] == 0 ? new Cell { Empty = true }
        : row.Hidden[column] || previous.Hidden[column] ? new Cell { Suppressed = true }
        : new Cell { Value = Math.Round(100.0 * (row.Values[column] - previous.Values[column]) / previous.Values[column], 1) });

    private static DerivedColumn Percent(string key, string label, int part, int whole) => new(key, label, Unit.Percent, (row, _) =>
        row.Hidden[part] || row.Hidden[whole] ? new Cell { Suppressed = true }
        : row.Values[whole] == 0 ? new Cell { Empty = true } : new Cell { Value = Math.Round(100.0 * row.Values[part] / row.Values[whole], 1) });
}
