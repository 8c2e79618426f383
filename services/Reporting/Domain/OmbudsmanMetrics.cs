namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The counter names of the Ombudsman's tables, from OmbudsmanLiaison's feed; see <see cref="Metrics"/> for the rest.</summary>
public static class OmbudsmanMetrics
{
    // Code: the OmbudsmanDecision name (e.g. "Upheld"), or HousingDetermined for a Housing Ombudsman decision.
    public const string Decision = "omb_decision";
    public const string HousingDetermined = "HousingDetermined";
    // One per finding of a Housing Ombudsman decision; code: the HousingDetermination name (e.g. "ServiceFailure").
    public const string HousingDetermination = "omb_housing_det";
    // Code: the ClosureReason of an assessed-and-closed decision.
    public const string Closure = "omb_closure";
    public const string Injustice = "omb_injustice";
    public const string SatisfactoryRemedy = "omb_satisfactory";
    public const string PublicInterestReport = "omb_pir";
    // Code: the RecommendationType; amount: the pence agreed.
    public const string RecommendationAgreed = "omb_rec_agreed";
    // Code: "on_time" or "late"; amount: the pence paid.
    public const string RecommendationCompleted = "omb_rec_done";
    // Completed more than 12 months after the decision.
    public const string RecommendationDelayed = "omb_rec_delayed";
    // Housing Ombudsman orders, kept apart from recommendations. Code: the RecommendationType; amount: the pence ordered.
    public const string OrderMade = "omb_order_made";
    // Code: "on_time" or "late"; amount: the pence paid.
    public const string OrderCompleted = "omb_order_done";
    // Read from the order facts when a table is built: a case's compliance with its orders (code: CaseCompliance),
    // and the orders outstanding (and overdue: past their compliance date) at the end of the period.
    public const string OrderCaseCompliance = "omb_order_case_compliance";
    public const string OrderOutstanding = "omb_order_outstanding";
    public const string OrderOverdue = "omb_order_overdue";
    // Read from the recommendation facts when a table is built (not counters): a case's compliance
    // outcome in the period (code: CaseCompliance), and remedies that passed 12 months while open.
    public const string CaseCompliance = "omb_case_compliance";
    public const string BecameDelayed = "omb_rec_became_delayed";
    // An enquiry counted against its case's stream (for the statutory reports).
    public const string Referred = "omb_referred";

    /// <summary>The counters that carry the Ombudsman in their kind (a table can be split by Ombudsman).</summary>
    public static bool IsOmbudsman(string metric) => metric == Metrics.Ombudsman || (metric.StartsWith("omb_", StringComparison.Ordinal) && metric != Referred);
}

/// <summary>A case's compliance outcome, as the Ombudsman assesses it.</summary>
public static class CaseCompliance
{
    public const string OnTime = "on_time";
    public const string Late = "late";
    public const string NotComplied = "not_complied";
}
