using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Reporting.Tests.Published.SeedEvents;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;
using H = ComplaintsPlatform.Ombudsman.V1.HousingDetermination;

namespace ComplaintsPlatform.Reporting.Tests.Published;

/// <summary>
/// A landlord council's Housing Ombudsman year (2024-25) beside one LGSCO decision: determinations counted per
/// finding, and orders counted apart from recommendations with compliance per case.
/// </summary>
public sealed class HousingOmbudsmanTests : IAsyncLifetime
{
    private static readonly DateOnly Decided = new(2024, 6, 3);
    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync();
        Housing("h1", H.SevereMaladministration, H.ServiceFailure);
        Housing("h2", H.Maladministration, H.NoMaladministration, H.ReasonableRedress);
        Housing("h3", H.OutsideJurisdiction);
        Housing("h4", H.Maladministration);
        // h1: two orders, one complied with late; h2: one on time; h4: one still open past its compliance date.
        Order("h1", "h1-o1", due: new(2024, 7, 1), completed: new(2024, 6, 20));
        Order("h1", "h1-o2", due: new(2024, 7, 1), completed: new(2024, 7, 10));
        Order("h2", "h2-o1", due: new(2024, 7, 1), completed: new(2024, 6, 28), amount: 25_000);
        Order("h4", "h4-o1", due: new(2024, 9, 2));
        // The LGSCO's one decision, with one recommendation complied with on time.
        _host.Ombudsman.Publish(new EnquiryReceived { EnquiryId = "l1", Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, DirectorateId = Council.Corporate, ReceivedOn = D(Decided.AddDays(-60)), Imported = true });
        _host.Ombudsman.Publish(new OmbudsmanDecisionRecorded
        {
            EnquiryId = "l1", Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, DirectorateId = Council.Corporate, Decision = OmbudsmanDecision.Upheld,
            Injustice = true, DecidedOn = D(Decided), ReceivedOn = D(Decided.AddDays(-60)), Imported = true,
        });
        _host.Ombudsman.Publish(new RecommendationAgreed
        {
            EnquiryId = "l1", RecommendationId = "l1-r", Type = RecommendationType.Apology, AgreedOn = D(Decided), DueOn = D(Decided.AddDays(30)), DirectorateId = Council.Corporate, Imported = true,
        });
        _host.Ombudsman.Publish(new RecommendationCompleted
        {
            EnquiryId = "l1", RecommendationId = "l1-r", Type = RecommendationType.Apology, DueOn = D(Decided.AddDays(30)), CompletedOn = D(Decided.AddDays(10)),
            DirectorateId = Council.Corporate, Imported = true,
        });
        await _host.CaughtUpAsync();
    }

    private void Housing(string id, params H[] findings)
    {
        _host.Ombudsman.Publish(new EnquiryReceived { EnquiryId = id, Ombudsman = Ombudsman.V1.Ombudsman.Housing, DirectorateId = Council.Environment, ReceivedOn = D(Decided.AddDays(-90)), Imported = true });
        _host.Ombudsman.Publish(new OmbudsmanDecisionRecorded
        {
            EnquiryId = id, Ombudsman = Ombudsman.V1.Ombudsman.Housing, DirectorateId = Council.Environment, HousingDeterminations = { findings },
            DecidedOn = D(Decided), ReceivedOn = D(Decided.AddDays(-90)), Imported = true,
        });
    }

    private void Order(string enquiry, string id, DateOnly due, DateOnly? completed = null, long amount = 0)
    {
        var type = amount > 0 ? RecommendationType.Financial : RecommendationType.ServiceImprovement;
        _host.Ombudsman.Publish(new OrderMade
        {
            EnquiryId = enquiry, OrderId = id, Type = type, AmountPence = amount, OrderedOn = D(Decided), ComplianceDueOn = D(due), DirectorateId = Council.Environment, Imported = true,
        });
        if (completed is { } on)
        {
            _host.Ombudsman.Publish(new OrderCompleted
            {
                EnquiryId = enquiry, OrderId = id, Type = type, AmountPence = amount, ComplianceDueOn = D(due), CompletedOn = D(on), Late = on > due,
                DirectorateId = Council.Environment, Imported = true,
            });
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<ReportTable> Table(ReportKind kind, Ombudsman.V1.Ombudsman ombudsman)
    {
        var request = ReportingHost.Request(kind, 2024, Basis.Resolved);
        request.Ombudsman = (int)ombudsman;
        return _host.Team.GetReportAsync(request).ResponseAsync;
    }

    private static double[] Cells(ReportTable table, params string[] columns) => columns.Select(c => Cell(table, c)).ToArray();

    [Fact]
    public async Task Housing_Ombudsman_determinations_count_one_per_finding_beside_the_LGSCOs_decision_types()
    {
        var housing = await Table(ReportKind.OmbudsmanDecisions, Ombudsman.V1.Ombudsman.Housing);
        Assert.Equal([4, 4, 7, 1, 2, 1, 1, 1, 1], Cells(housing, "decisions", "decision_HousingDetermined", "determinations",
            "determination_SevereMaladministration", "determination_Maladministration", "determination_ServiceFailure",
            "determination_NoMaladministration", "determination_ReasonableRedress", "determination_OutsideJurisdiction"));
        Assert.Equal("Determination: Severe maladministration", housing.Columns.Single(c => c.Key == "determination_SevereMaladministration").Label);

        var lgsco = await Table(ReportKind.OmbudsmanDecisions, Ombudsman.V1.Ombudsman.Lgsco);
        Assert.Equal([1, 1, 0, 0], Cells(lgsco, "decisions", "decision_Upheld", "decision_HousingDetermined", "determinations"));
    }

    [Fact]
    public async Task A_Housing_Ombudsman_decision_is_never_counted_as_an_unspecified_decision()
    {
        var codes = await _host.WithDbAsync(db => db.Counters.Where(c => c.Metric == OmbudsmanMetrics.Decision || c.Metric == OmbudsmanMetrics.HousingDetermination)
            .Select(c => c.Code).Distinct().ToListAsync());
        Assert.Contains(OmbudsmanMetrics.HousingDetermined, codes);
        Assert.DoesNotContain("Unspecified", codes);
        var table = await Table(ReportKind.OmbudsmanDecisions, Ombudsman.V1.Ombudsman.Housing);
        Assert.DoesNotContain(table.Columns, c => c.Label.Contains("Unspecified", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Housing_Ombudsman_orders_are_counted_apart_from_recommendations_with_compliance_per_case_and_late_apart()
    {
        var housing = await Table(ReportKind.OmbudsmanRemedies, Ombudsman.V1.Ombudsman.Housing);
        Assert.Equal([4, 3, 2, 1, 1, 1, 25_000], Cells(housing, "orders_made", "orders_complied", "orders_complied_on_time", "orders_complied_late",
            "orders_outstanding", "orders_overdue", "compensation_ordered_pence"));
        // Three cases assessed: h1 complied late, h2 on time, h4 not complied (its order is past its date).
        Assert.Equal([3, 2, 1, 1, 66.7, 33.3], Cells(housing, "order_cases_assessed", "order_cases_complied", "order_cases_complied_late",
            "order_cases_not_complied", "order_compliance_rate", "order_complied_late_rate"));
        Assert.Equal([0, 0], Cells(housing, "agreed", "cases_assessed"));

        var lgsco = await Table(ReportKind.OmbudsmanRemedies, Ombudsman.V1.Ombudsman.Lgsco);
        Assert.Equal([1, 1, 100, 0, 0], Cells(lgsco, "agreed", "cases_assessed", "compliance_rate", "orders_made", "order_cases_assessed"));
    }

    [Fact]
    public async Task The_housing_annual_report_states_the_determinations_and_the_orders_and_the_LGSCO_report_does_not()
    {
        var documents = DocumentsFixture.Client(_host, "complaints_team");
        DocumentRequest Request(DocumentKind kind) => new() { Kind = kind, Format = DocumentFormat.Markdown, Period = new V1.Period { Kind = PeriodKind.FinancialYear, Year = 2024 } };
        var housing = (await documents.GetDocumentAsync(Request(DocumentKind.HousingAnnualReport))).Content;
        Assert.Contains("The Housing Ombudsman determined 4 complaints, making 7 determinations: 1 severe maladministration, 2 maladministration, 1 service failure, 1 no maladministration, 1 reasonable redress and 1 outside jurisdiction.", housing);
        Assert.Contains("The Housing Ombudsman made 4 orders: 3 were complied with (2 by the compliance date, 1 late), 1 are outstanding and 1 overdue. Compliance with orders was 66.7% of 3 cases assessed (33.3% complied late).", housing);

        var lgsco = (await documents.GetDocumentAsync(Request(DocumentKind.AnnualReport))).Content;
        Assert.DoesNotContain("Housing Ombudsman", lgsco);
        Assert.DoesNotContain("Determination:", lgsco);
        // Each Code's report prints its own Ombudsman's columns.
        Assert.Contains("Determination: Service failure", housing);
        Assert.DoesNotContain("Assessed and closed", housing);
        Assert.DoesNotContain("Upheld with injustice", housing);
    }
}
