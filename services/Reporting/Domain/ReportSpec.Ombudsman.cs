using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using M = ComplaintsPlatform.Reporting.Domain.OmbudsmanMetrics;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The Ombudsman's tables: decisions by category and closure reason, investigations, recommendations and remedies.</summary>
public sealed partial record ReportSpec
{
    private static ReportSpec OmbudsmanDecisions()
    {
        var decisions = Enum.GetValues<OmbudsmanDecision>().Where(d => d != OmbudsmanDecision.Unspecified)
            .Select(d => Decision("decision_" + d, Words(d.ToString()), d)).ToList();
        var reasons = Enum.GetValues<ClosureReason>().Where(r => r != ClosureReason.Unspecified)
            .Select(r => new CountColumn("closed_" + r, "Assessed and closed: " + Words(r.ToString()), M.Closure, a => a.Code == r.ToString())).ToList();
        var closed = 1 + decisions.FindIndex(c => c.Key == "decision_" + OmbudsmanDecision.AssessedAndClosed);
        List<CountColumn> counts = [new("decisions", "Decisions", M.Decision, a => a.Code != "Unspecified"), .. decisions, .. reasons,
            new("upheld_injustice", "Upheld with injustice", M.Injustice)];
        return new("Ombudsman decisions by category", true, counts,
            [[0, .. Enumerable.Range(1, decisions.Count)], [closed, .. Enumerable.Range(1 + decisions.Count, reasons.Count)]], []);
    }

    private static ReportSpec OmbudsmanInvestigations() => new("Ombudsman investigations", true,
    [
        Decision("investigated", "Investigated (upheld + not upheld)", OmbudsmanDecision.Upheld, OmbudsmanDecision.NotUpheld),
        Decision("upheld", "Upheld", OmbudsmanDecision.Upheld),
        Decision("not_upheld", "Not upheld", OmbudsmanDecision.NotUpheld),
        new("satisfactory_remedy", "Upheld: council had already remedied", M.SatisfactoryRemedy),
        new("public_interest_reports", "Public interest reports", M.PublicInterestReport),
    ],
    [[0, 1, 2]],
    [Percent("upheld_rate", "% upheld", 1, 0), Percent("satisfactory_remedy_rate", "% satisfactory remedy (of upheld)", 3, 1)]);

    /// <summary>
    /// Compliance as the Ombudsman counts it: per case with recommendations, over the cases whose
    /// compliance was assessed in the period — complied (on time or late) of all assessed, not complied
    /// included — with the share complied late apart. Remedies still open 12 months after the decision are delayed.
    /// </summary>
    private static ReportSpec OmbudsmanRemedies()
    {
        CountColumn Done(string key, string label, string code) => new(key, label, M.RecommendationCompleted, a => a.Code == code);
        CountColumn Case(string key, string label, params string[] codes) => new(key, label, M.CaseCompliance, a => codes.Contains(a.Code));
        // By type last, so the service improvements and procedure changes the Ombudsman asked for are listed.
        var types = Enum.GetValues<RecommendationType>().Where(t => t != RecommendationType.Unspecified)
            .Select(t => new CountColumn("agreed_" + t, "Agreed: " + Words(t.ToString()), M.RecommendationAgreed, a => a.Code == t.ToString())).ToList();
        const int ByType = 12;
        return new("Ombudsman recommendations and remedies", true,
        [
            new("agreed", "Recommendations agreed", M.RecommendationAgreed),
            new("completed", "Recommendations completed", M.RecommendationCompleted),
            Done("completed_on_time", "Completed by the deadline", "on_time"),
            Done("completed_late", "Completed late", "late"),
            new("delayed", "Completed more than 12 months after the decision", M.RecommendationDelayed),
            new("compensation_agreed_pence", "Compensation agreed", M.RecommendationAgreed, UseAmount: true, Unit: Unit.Pence),
            new("compensation_paid_pence", "Compensation paid", M.RecommendationCompleted, UseAmount: true, Unit: Unit.Pence),
            Case("cases_assessed", "Cases with compliance assessed", CaseCompliance.OnTime, CaseCompliance.Late, CaseCompliance.NotComplied),
            Case("cases_complied", "Cases complied (on time or late)", CaseCompliance.OnTime, CaseCompliance.Late),
            Case("cases_complied_late", "Cases complied late", CaseCompliance.Late),
            Case("cases_not_complied", "Cases not complied", CaseCompliance.NotComplied),
            new("became_delayed", "Remedies delayed (still open 12 months after the decision)", M.BecameDelayed),
            .. types,
        ],
        [[1, 2, 3], [7, 8, 10], [0, .. Enumerable.Range(ByType, types.Count)]],
        [
            Percent("compliance_rate", "% compliance (cases complied of cases assessed)", 8, 7),
            Percent("complied_late_rate", "% complied late (of cases assessed)", 9, 7),
            Percent("completed_late_rate", "% of recommendations completed late (of completed)", 3, 1),
        ]);
    }

    private static CountColumn Decision(string key, string label, params OmbudsmanDecision[] decisions)
    {
        var codes = decisions.Select(d => d.ToString()).ToArray();
        return new(key, label, M.Decision, a => codes.Contains(a.Code));
    }

    private static string Words(string pascal) => Labels.Words(pascal);
}
