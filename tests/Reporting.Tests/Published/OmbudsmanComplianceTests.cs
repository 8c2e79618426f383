using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Reports;

namespace ComplaintsPlatform.Reporting.Tests.Published;

/// <summary>Compliance per case and remedies delayed while open: the figures that depend on today as well as on events.</summary>
public sealed class OmbudsmanComplianceTests
{
    private static readonly DateOnly Start = new(2024, 4, 1);
    private static readonly DateOnly End = new(2025, 4, 1);

    private static OmbudsmanRecommendationFact R(string enquiry, string id, DateOnly due, DateOnly? completed = null, bool late = false) =>
        new() { EnquiryId = enquiry, RecommendationId = id, DirectorateId = enquiry, Ombudsman = 1, AgreedOn = due.AddDays(-30), DueOn = due, CompletedOn = completed, Late = late };

    private static List<string> Outcomes(IEnumerable<Agg> aggs) => aggs.Select(a => $"{a.Metric}:{a.Code}").Order().ToList();

    [Fact]
    public void A_case_is_assessed_once_its_last_recommendation_is_done_late_if_any_was_late()
    {
        OmbudsmanRecommendationFact[] facts =
        [
            R("a", "a1", new(2024, 6, 1), new(2024, 5, 20)), R("a", "a2", new(2024, 6, 1), new(2024, 7, 2), late: true),
            R("b", "b1", new(2024, 6, 1), new(2024, 5, 1)),
        ];
        var aggs = OmbudsmanCompliance.Compute(facts, new Dictionary<string, DateOnly>(), Start, End, new(2026, 1, 1), 0);
        Assert.Equal(["omb_case_compliance:late", "omb_case_compliance:on_time"], Outcomes(aggs));
    }

    [Fact]
    public void A_case_with_a_recommendation_open_past_its_deadline_is_not_complied_in_the_period_the_deadline_passed()
    {
        OmbudsmanRecommendationFact[] facts = [R("c", "c1", new(2024, 9, 1)), R("c", "c2", new(2024, 8, 1), new(2024, 7, 1))];
        Assert.Equal(["omb_case_compliance:not_complied"], Outcomes(OmbudsmanCompliance.Compute(facts, new Dictionary<string, DateOnly>(), Start, End, new(2024, 10, 1), 0)));
        // Before the deadline has passed nothing is assessed yet.
        Assert.Empty(OmbudsmanCompliance.Compute(facts, new Dictionary<string, DateOnly>(), Start, End, new(2024, 8, 15), 0));
    }

    [Fact]
    public void A_remedy_still_open_12_months_after_the_decision_is_delayed_in_the_period_it_became_so()
    {
        var decided = new Dictionary<string, DateOnly> { ["e"] = new(2023, 10, 1), ["f"] = new(2023, 10, 1) };
        OmbudsmanRecommendationFact[] facts = [R("e", "e1", new(2023, 11, 1)), R("f", "f1", new(2023, 11, 1), new(2024, 9, 1))];
        var delayed = OmbudsmanCompliance.Compute(facts, decided, Start, End, new(2025, 1, 1), 0).Where(a => a.Metric == OmbudsmanMetrics.BecameDelayed).ToList();
        Assert.Equal(["e"], delayed.Select(a => a.DirectorateId).ToList());
        // Until 12 months have passed, neither is delayed.
        Assert.DoesNotContain(OmbudsmanCompliance.Compute(facts, decided, Start, End, new(2024, 9, 30), 0), a => a.Metric == OmbudsmanMetrics.BecameDelayed);
    }
}
