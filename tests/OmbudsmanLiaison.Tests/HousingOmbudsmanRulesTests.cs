using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Xunit;
using Enquiry = ComplaintsPlatform.OmbudsmanLiaison.Domain.Enquiry;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>
/// The Housing Ombudsman's determinations and orders beside the LGSCO's decisions and recommendations,
/// without a database: each Ombudsman's outcomes are refused on the other's enquiries.
/// </summary>
public sealed class HousingOmbudsmanRulesTests
{
    private static readonly Actor s_officer = new("link-officer-1", new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));
    private static readonly DocumentColumns s_noDocument = new();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Enquiry Registered(OmbudsmanBody ombudsman) =>
        Enquiry.Register(ombudsman, "202412345", D(2024, 9, 2), "housing", "case-7", "CMP-2024-0007", false, "Damp and mould", s_officer);

    private static HousingFinding Finding(HousingDetermination determination, string element = "") =>
        new() { Element = element, Determination = determination };

    private static Enquiry Determined(params HousingDetermination[] determinations)
    {
        var enquiry = Registered(OmbudsmanBody.Housing);
        enquiry.RecordDecision(FinalDecision.Housing(D(2025, 3, 3), [.. determinations.Select(d => Finding(d))]), "", s_noDocument, s_officer);
        enquiry.ClearPending();
        return enquiry;
    }

    private static void Refused(Action action, string reasonFragment)
    {
        var ex = Assert.Throws<RuleViolationException>(action);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Housing_Ombudsman_determination_is_recorded_element_by_element_and_announced_with_each_finding()
    {
        var enquiry = Registered(OmbudsmanBody.Housing);
        enquiry.ClearPending();

        enquiry.RecordDecision(FinalDecision.Housing(D(2025, 3, 3),
            [Finding(HousingDetermination.SevereMaladministration, "Repairs"), Finding(HousingDetermination.ServiceFailure, "Complaint handling")]),
            "", s_noDocument, s_officer);

        Assert.Null(enquiry.Record.Decision);
        Assert.Equal(D(2025, 3, 3), enquiry.Record.DecidedOn);
        Assert.Equal([("Repairs", HousingDetermination.SevereMaladministration), ("Complaint handling", HousingDetermination.ServiceFailure)],
            enquiry.Record.HousingFindings.OrderBy(f => f.Position).Select(f => (f.Element, f.Determination)));
        var recorded = Assert.IsType<OmbudsmanDecisionRecorded>(Assert.Single(enquiry.PendingEvents));
        Assert.Equal(OmbudsmanDecision.Unspecified, recorded.Decision);
        Assert.Equal([HousingDetermination.SevereMaladministration, HousingDetermination.ServiceFailure], recorded.HousingDeterminations);
        Assert.Equal("Determination: SEVERE_MALADMINISTRATION, SERVICE_FAILURE", Assert.Single(enquiry.Record.Correspondence).Summary);
    }

    [Fact]
    public void An_LGSCO_enquiry_refuses_Housing_Ombudsman_determinations() =>
        Refused(() => Registered(OmbudsmanBody.Lgsco).RecordDecision(
            FinalDecision.Housing(D(2025, 3, 3), [Finding(HousingDetermination.Maladministration)]), "", s_noDocument, s_officer),
            "Housing Ombudsman enquiries only");

    [Fact]
    public void A_Housing_Ombudsman_enquiry_refuses_the_LGSCOs_decision_types() =>
        Refused(() => Registered(OmbudsmanBody.Housing).RecordDecision(
            new FinalDecision(OmbudsmanDecision.Upheld, D(2025, 3, 3), ClosureReason.Unspecified, true, false), "", s_noDocument, s_officer),
            "not the LGSCO's UPHELD");

    [Fact]
    public void A_Housing_Ombudsman_determination_has_no_public_interest_report_or_satisfactory_remedy() =>
        Refused(() => Registered(OmbudsmanBody.Housing).RecordDecision(
            new FinalDecision(OmbudsmanDecision.Unspecified, D(2025, 3, 3), ClosureReason.Unspecified, null, true, null,
                [Finding(HousingDetermination.ReasonableRedress)]), "", s_noDocument, s_officer),
            "REASONABLE_REDRESS");

    [Fact]
    public void A_Housing_Ombudsman_determination_is_recorded_once() =>
        Refused(() => Determined(HousingDetermination.Maladministration).RecordDecision(
            FinalDecision.Housing(D(2025, 3, 4), [Finding(HousingDetermination.NoMaladministration)]), "", s_noDocument, s_officer),
            "already recorded");

    [Fact]
    public void Housing_Ombudsman_orders_are_kept_apart_from_its_recommendations_each_with_a_compliance_date()
    {
        var enquiry = Determined(HousingDetermination.Maladministration);

        var order = enquiry.MakeOrder(RecommendationType.Financial, "Pay £400 for distress", 40_000, D(2025, 3, 3), D(2025, 3, 31), s_officer);
        enquiry.AgreeRecommendation(RecommendationType.ProcedureChange, "Review the damp policy", 0, D(2025, 3, 3), D(2025, 6, 3), s_officer);

        Assert.Equal(D(2025, 3, 31), Assert.Single(enquiry.Record.Orders).ComplianceDueOn);
        Assert.Equal(RecommendationType.ProcedureChange, Assert.Single(enquiry.Record.Recommendations).Type);
        var made = Assert.Single(enquiry.PendingEvents.OfType<OrderMade>());
        Assert.Equal((order.Id.ToString(), 40_000L, FactDates.ToProto(D(2025, 3, 31))), (made.OrderId, made.AmountPence, made.ComplianceDueOn));
        Assert.Single(enquiry.PendingEvents.OfType<RecommendationAgreed>());
        Assert.Contains(OpenDeadlines.Of(enquiry.Record), d => d.Kind == DeadlineKind.Order && d.SubjectId == order.Id && d.DueOn == D(2025, 3, 31));
    }

    [Fact]
    public void An_order_complied_with_after_its_compliance_date_is_late_and_compliance_is_recorded_once()
    {
        var enquiry = Determined(HousingDetermination.SevereMaladministration);
        var order = enquiry.MakeOrder(RecommendationType.Apology, "Apologise in writing", 0, D(2025, 3, 3), D(2025, 3, 31), s_officer);

        enquiry.CompleteOrder(order.Id, D(2025, 4, 1), "Letter sent", s_noDocument);

        Assert.True(order.Late);
        Assert.True(Assert.Single(enquiry.PendingEvents.OfType<OrderCompleted>()).Late);
        Assert.DoesNotContain(OpenDeadlines.Of(enquiry.Record), d => d.Kind == DeadlineKind.Order);
        Refused(() => enquiry.CompleteOrder(order.Id, D(2025, 4, 2), "Again", s_noDocument), "complied with on 2025-04-01");
    }

    [Fact]
    public void An_LGSCO_enquiry_refuses_orders()
    {
        var enquiry = Registered(OmbudsmanBody.Lgsco);
        enquiry.RecordDecision(new FinalDecision(OmbudsmanDecision.Upheld, D(2025, 3, 3), ClosureReason.Unspecified, true, false), "", s_noDocument, s_officer);

        Refused(() => enquiry.MakeOrder(RecommendationType.Apology, "Apologise", 0, D(2025, 3, 3), D(2025, 3, 31), s_officer), "the LGSCO makes recommendations");
    }

    [Theory]
    [InlineData(HousingDetermination.NoMaladministration)]
    [InlineData(HousingDetermination.ReasonableRedress)]
    [InlineData(HousingDetermination.OutsideJurisdiction)]
    public void The_Housing_Ombudsman_orders_only_after_a_finding_of_fault(HousingDetermination determination) =>
        Refused(() => Determined(determination).MakeOrder(RecommendationType.Apology, "Apologise", 0, D(2025, 3, 3), D(2025, 3, 31), s_officer),
            "this determination has none");

    [Fact]
    public void An_order_before_the_determination_is_refused() =>
        Refused(() => Determined(HousingDetermination.Maladministration)
            .MakeOrder(RecommendationType.Apology, "Apologise", 0, D(2025, 3, 2), D(2025, 3, 31), s_officer), "comes with the determination");

    [Fact]
    public void Housing_Ombudsman_recommendations_follow_a_determination_within_its_jurisdiction()
    {
        Refused(() => Registered(OmbudsmanBody.Housing).RequireUpheld(), "record the determination first");
        Refused(() => Determined(HousingDetermination.OutsideJurisdiction).RequireUpheld(), "outside its jurisdiction");
        Determined(HousingDetermination.NoMaladministration).RequireUpheld();
    }

    [Fact]
    public void The_annual_reconciliation_compares_Housing_Ombudsman_determinations_in_any_order_and_counts_orders_for_compliance()
    {
        var matching = Determined(HousingDetermination.ServiceFailure, HousingDetermination.Maladministration);
        var order = matching.MakeOrder(RecommendationType.Apology, "Apologise", 0, D(2025, 3, 3), D(2025, 3, 31), s_officer);
        matching.CompleteOrder(order.Id, D(2025, 4, 2), "Letter sent", s_noDocument);
        var different = Enquiry.Register(OmbudsmanBody.Housing, "202412399", D(2024, 9, 2), "housing", null, null, false, "", s_officer);
        different.RecordDecision(FinalDecision.Housing(D(2025, 3, 3), [Finding(HousingDetermination.NoMaladministration)]), "", s_noDocument, s_officer);

        var result = AnnualLetterReconciler.Reconcile([matching.Record, different.Record], new AnnualLetterReconciler.Files(
                "Reference,Received date\n202412345,2024-09-02\n202412399,2024-09-02\n",
                "Reference,Decision,Decided date\n202412345,Maladministration; Service failure,2025-03-03\n202412399,Reasonable redress,2025-03-03\n",
                "Reference,Compliance\n202412345,Complied late\n"),
            new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31));

        var difference = Assert.Single(result.Differences);
        Assert.Equal(("202412399", DifferenceKind.DifferentDecision), (difference.OmbudsmanReference, difference.Kind));
        Assert.Equal(("REASONABLE_REDRESS 2025-03-03", "NO_MALADMINISTRATION 2025-03-03"), (difference.Theirs, difference.Ours));
    }
}
