using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.OmbudsmanLiaison.Tests.EnquiryJourneyTests;
using Client = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>The Housing Ombudsman's determinations and orders through gRPC, over a real database.</summary>
public sealed class HousingOmbudsmanJourneyTests : IAsyncLifetime
{
    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync() => _host = await OmbudsmanHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Client LinkOfficer => new(_host.CreateChannel(TestIdentity.Token(Roles.LinkOfficer, "link-officer-1")));

    private async Task<Enquiry> RegisterAsync(OmbudsmanBody ombudsman, string reference) =>
        await LinkOfficer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = ombudsman, OmbudsmanReference = reference, ReceivedOn = D(2024, 9, 2), DirectorateId = "housing", PredatesPlatform = true,
        });

    [Fact]
    public async Task Housing_Ombudsman_determination_and_its_orders_are_recorded_apart_from_recommendations_and_announced_on_the_feed()
    {
        var officer = LinkOfficer;
        var enquiry = await RegisterAsync(OmbudsmanBody.Housing, "202412345");

        enquiry = await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, DecidedOn = D(2025, 3, 3),
            HousingFindings =
            {
                new HousingFinding { Element = "Repairs", Determination = HousingDetermination.SevereMaladministration },
                new HousingFinding { Element = "Complaint handling", Determination = HousingDetermination.ReasonableRedress },
            },
        });
        Assert.Equal(OmbudsmanDecision.Unspecified, enquiry.Decision.Decision_);
        Assert.Equal([HousingDetermination.SevereMaladministration, HousingDetermination.ReasonableRedress],
            enquiry.Decision.HousingFindings.Select(f => f.Determination));

        enquiry = await officer.RecordOrderAsync(new RecordOrderRequest
        {
            EnquiryId = enquiry.Id, Type = RecommendationType.Financial, Description = "Pay £600 for distress and inconvenience",
            AmountPence = 60_000, OrderedOn = D(2025, 3, 3), ComplianceDueOn = D(2025, 3, 31),
        });
        enquiry = await officer.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = enquiry.Id, Type = RecommendationType.ProcedureChange, Description = "Review the damp and mould policy",
            AgreedOn = D(2025, 3, 3), DueOn = D(2025, 6, 3),
        });
        var order = Assert.Single(enquiry.Orders);
        Assert.Equal((D(2025, 3, 31), 60_000L), (order.ComplianceDueOn, order.AmountPence));
        Assert.Equal(RecommendationType.ProcedureChange, Assert.Single(enquiry.Recommendations).Type);

        enquiry = await officer.CompleteOrderAsync(new CompleteOrderRequest
        {
            EnquiryId = enquiry.Id, OrderId = order.Id, CompletedOn = D(2025, 4, 2), Evidence = "Payment reference 991",
        });
        Assert.True(enquiry.Orders[0].Late);
        Assert.Equal(D(2025, 4, 2), enquiry.Orders[0].CompletedOn);

        var read = await officer.GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = enquiry.Id });
        Assert.Equal(["Repairs", "Complaint handling"], read.Decision.HousingFindings.Select(f => f.Element));
        var events = await _host.EventsAsync();
        Assert.Equal([HousingDetermination.SevereMaladministration, HousingDetermination.ReasonableRedress],
            Assert.Single(events.OfType<OmbudsmanDecisionRecorded>()).HousingDeterminations);
        Assert.Equal(60_000, Assert.Single(events.OfType<OrderMade>()).AmountPence);
        Assert.True(Assert.Single(events.OfType<OrderCompleted>()).Late);
        Assert.Single(events.OfType<RecommendationAgreed>());
        Assert.Equal(1, await _host.CountAsync("orders"));
        Assert.Equal(2, await _host.CountAsync("housing_findings"));
    }

    [Fact]
    public async Task An_open_order_is_the_enquirys_next_deadline_and_keeps_it_among_open_matters()
    {
        var officer = LinkOfficer;
        var enquiry = await RegisterAsync(OmbudsmanBody.Housing, "202412346");
        await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, DecidedOn = D(2025, 6, 2),
            HousingFindings = { new HousingFinding { Determination = HousingDetermination.Maladministration } },
        });
        enquiry = await officer.RecordOrderAsync(new RecordOrderRequest
        {
            EnquiryId = enquiry.Id, Type = RecommendationType.Apology, Description = "Apologise in writing",
            OrderedOn = D(2025, 6, 2), ComplianceDueOn = D(2025, 7, 1),
        });

        Assert.Equal((DeadlineKind.Order, enquiry.Orders[0].Id), (enquiry.NextDeadline.Kind, enquiry.NextDeadline.SubjectId));
        var matter = Assert.Single((await officer.ListOpenMattersAsync(new WorkspaceFilter())).Matters);
        Assert.Equal(DeadlineKind.Order, matter.NextDeadline.Kind);
    }

    [Fact]
    public async Task Open_Housing_Ombudsman_orders_are_listed_among_outstanding_remedies_with_recommendations_by_due_date()
    {
        var officer = LinkOfficer;
        var housing = await RegisterAsync(OmbudsmanBody.Housing, "202412347");
        await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = housing.Id, DecidedOn = D(2025, 6, 2),
            HousingFindings = { new HousingFinding { Determination = HousingDetermination.Maladministration } },
        });
        housing = await officer.RecordOrderAsync(new RecordOrderRequest
        {
            EnquiryId = housing.Id, Type = RecommendationType.Financial, AmountPence = 25_000, Description = "Pay for the distress",
            OrderedOn = D(2025, 6, 2), ComplianceDueOn = D(2025, 6, 25),
        });
        var lgsco = await RegisterAsync(OmbudsmanBody.Lgsco, "24 012 345");
        await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = lgsco.Id, Decision = OmbudsmanDecision.Upheld, Injustice = true, DecidedOn = D(2025, 6, 2),
        });
        await officer.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = lgsco.Id, Type = RecommendationType.Apology, Description = "Apologise", AgreedOn = D(2025, 6, 2), DueOn = D(2025, 6, 20),
        });

        var outstanding = (await officer.ListOutstandingRecommendationsAsync(new WorkspaceFilter())).Recommendations;
        Assert.Equal(["24 012 345", "202412347"], outstanding.Select(o => o.OmbudsmanReference));
        Assert.NotNull(outstanding[0].Recommendation);
        Assert.Null(outstanding[0].Order);
        Assert.Equal(housing.Orders[0].Id, outstanding[1].Order.Id);
        Assert.Null(outstanding[1].Recommendation);
        Assert.Equal(D(2025, 6, 25), outstanding[1].DueOn);
        Assert.True(outstanding[1].Overdue);

        await officer.CompleteOrderAsync(new CompleteOrderRequest { EnquiryId = housing.Id, OrderId = housing.Orders[0].Id, CompletedOn = D(2025, 6, 27), Evidence = "Paid" });
        Assert.Equal(["24 012 345"], (await officer.ListOutstandingRecommendationsAsync(new WorkspaceFilter())).Recommendations.Select(o => o.OmbudsmanReference));
    }

    [Fact]
    public async Task An_LGSCO_enquiry_refuses_Housing_Ombudsman_determinations_and_orders_and_records_nothing()
    {
        var officer = LinkOfficer;
        var enquiry = await RegisterAsync(OmbudsmanBody.Lgsco, "24 009 999");

        var determination = await Assert.ThrowsAsync<RpcException>(() => officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, DecidedOn = D(2025, 3, 3),
            HousingFindings = { new HousingFinding { Determination = HousingDetermination.Maladministration } },
        }).ResponseAsync);
        await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, Decision = OmbudsmanDecision.Upheld, Injustice = true, DecidedOn = D(2025, 3, 3),
        });
        var order = await Assert.ThrowsAsync<RpcException>(() => officer.RecordOrderAsync(new RecordOrderRequest
        {
            EnquiryId = enquiry.Id, Type = RecommendationType.Apology, Description = "Apologise", OrderedOn = D(2025, 3, 3), ComplianceDueOn = D(2025, 3, 31),
        }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (determination.StatusCode, order.StatusCode));
        Assert.Equal((0L, 0L), (await _host.CountAsync("housing_findings"), await _host.CountAsync("orders")));
    }

    [Fact]
    public async Task A_Housing_Ombudsman_enquiry_refuses_the_LGSCOs_decision_types()
    {
        var enquiry = await RegisterAsync(OmbudsmanBody.Housing, "202412347");

        var ex = await Assert.ThrowsAsync<RpcException>(() => LinkOfficer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, Decision = OmbudsmanDecision.NotUpheld, DecidedOn = D(2025, 3, 3),
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("Housing Ombudsman's determination", ex.Status.Detail);
    }

    [Fact]
    public async Task A_Housing_Ombudsman_decision_without_findings_is_invalid_argument_on_housing_findings()
    {
        var enquiry = await RegisterAsync(OmbudsmanBody.Housing, "202412349");

        var ex = await Assert.ThrowsAsync<RpcException>(() => LinkOfficer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, DecidedOn = D(2025, 3, 3),
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "housing_findings");
    }

    [Fact]
    public async Task A_determination_without_a_finding_for_an_element_is_invalid_argument_on_that_finding()
    {
        var enquiry = await RegisterAsync(OmbudsmanBody.Housing, "202412348");

        var ex = await Assert.ThrowsAsync<RpcException>(() => LinkOfficer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, DecidedOn = D(2025, 3, 3),
            HousingFindings = { new HousingFinding { Element = "Repairs" } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "housing_findings[0].determination");
    }
}
