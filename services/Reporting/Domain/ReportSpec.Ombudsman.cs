using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using M = ComplaintsPlatform.Reporting.Domain.OmbudsmanMetrics;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The Ombudsman's tables: decisions by category and closure reason, investigations, recommendations and remedies.</summary>
public sealed partial record ReportSpec
{
    /// <summary>
    /// The LGSCO's decisions by category and closure reason, and beside them the Housing Ombudsman's: a decision
    /// determined by it counts once, and each of its findings counts as its determination.
    /// </summary>
    private static ReportSpec OmbudsmanDecisions()
    {
        var decisions = Enum.GetValues<OmbudsmanDecision>().Where(d => d != OmbudsmanDecision.Unspecified)
            .Select(d => Decision("decision_" + d, Words(d.ToString()), d)).ToList();
        decisions.Add(new("decision_" + M.HousingDetermined, "Determined by the Housing Ombudsman", M.Decision, a => a.Code == M.HousingDetermined));
        var reasons = Enum.GetValues<ClosureReason>().Where(r => r != ClosureReason.Unspecified)
            .Select(r => new CountColumn("closed_" + r, "Assessed and closed: " + Words(r.ToString()), M.Closure, a => a.Code == r.ToString())).ToList();
        var determinations = Enum.GetValues<HousingDetermination>().Where(d => d != HousingDetermination.Unspecified)
            .Select(d => new CountColumn("determination_" + d, "Determination: " + Words(d.ToString()), M.HousingDetermination, a => a.Code == d.ToString())).ToList();
        var closed = 1 + decisions.FindIndex(c => c.Key == "decision_" + OmbudsmanDecision.AssessedAndClosed);
        List<CountColumn> counts = [new("decisions", "Decisions", M.Decision, a => a.Code != "Unspecified"), .. decisions, .. reasons,
            new("upheld_injustice", "Upheld with injustice", M.Injustice),
            new("determinations", "Housing Ombudsman determinations (one per finding)", M.HousingDetermination, a => a.Code != "Unspecified"), .. determinations];
        var determined = 2 + decisions.Count + reasons.Count;
        return new("Ombudsman decisions by category", true, counts,
        [
            [0, .. Enumerable.Range(1, decisions.Count)], [closed, .. Enumerable.Range(1 + decisions.Count, reasons.Count)],
            [determined, .. Enumerable.Range(determined + 1, determinations.Count)],
        ], []);
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
        CountColumn Ordered(string key, string label, string metric, params string[] codes) =>
            new(key, label, metric, a => codes.Length == 0 || codes.Contains(a.Code));
        // By type last, so the service improvements and procedure changes the Ombudsman asked for are listed.
        var types = Enum.GetValues<RecommendationType>().Where(t => t != RecommendationType.Unspecified)
            .Select(t => new CountColumn("agreed_" + t, "Agreed: " + Words(t.ToString()), M.RecommendationAgreed, a => a.Code == t.ToString())).ToList();
        const int Orders = 12, ByType = 23;
        return new("Ombudsman recommendations, orders and remedies", true,
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
            // The Housing Ombudsman's orders, apart from its recommendations.
            Ordered("orders_made", "Orders made", M.OrderMade),
            Ordered("orders_complied", "Orders complied with", M.OrderCompleted),
            Ordered("orders_complied_on_time", "Orders complied with by the compliance date", M.OrderCompleted, "on_time"),
            Ordered("orders_complied_late", "Orders complied with late", M.OrderCompleted, "late"),
            Ordered("orders_outstanding", "Orders outstanding at the end of the period", M.OrderOutstanding),
            Ordered("orders_overdue", "Orders overdue (outstanding past the compliance date)", M.OrderOverdue),
            Ordered("order_cases_assessed", "Cases with orders assessed", M.OrderCaseCompliance, CaseCompliance.OnTime, CaseCompliance.Late, CaseCompliance.NotComplied),
            Ordered("order_cases_complied", "Cases with orders complied (on time or late)", M.OrderCaseCompliance, CaseCompliance.OnTime, CaseCompliance.Late),
            Ordered("order_cases_complied_late", "Cases with orders complied late", M.OrderCaseCompliance, CaseCompliance.Late),
            Ordered("order_cases_not_complied", "Cases with orders not complied", M.OrderCaseCompliance, CaseCompliance.NotComplied),
            new("compensation_ordered_pence", "Compensation ordered", M.OrderMade, UseAmount: true, Unit: Unit.Pence),
            .. types,
        ],
        [
            [1, 2, 3], [7, 8, 10], [Orders + 1, Orders + 2, Orders + 3], [Orders + 6, Orders + 7, Orders + 9],
            [0, .. Enumerable.Range(ByType, types.Count)],
        ],
        [
            Percent("compliance_rate", "% compliance (cases complied of cases assessed)", 8, 7),
            Percent("complied_late_rate", "% complied late (of cases assessed)", 9, 7),
            Percent("completed_late_rate", "% of recommendations completed late (of completed)", 3, 1),
            Percent("order_compliance_rate", "% compliance with orders (cases complied of cases assessed)", Orders + 7, Orders + 6),
            Percent("order_complied_late_rate", "% complied with orders late (of cases assessed)", Orders + 8, Orders + 6),
        ]);
    }

    private static CountColumn Decision(string key, string label, params OmbudsmanDecision[] decisions)
    {
        var codes = decisions.Select(d => d.ToString()).ToArray();
        return new(key, label, M.Decision, a => codes.Contains(a.Code));
    }

    private static string Words(string pascal) => Labels.Words(pascal);
}
