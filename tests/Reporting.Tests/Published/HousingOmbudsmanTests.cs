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

    [Fact]
    public async Task The_housing_annual_report_carries_the_Housing_Ombudsman_Codes_own_self_assessment_register()
    {
        var documents = DocumentsFixture.Client(_host, "complaints_team");
        await documents.UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest
        {
            Year = 2024, Paragraph = "H6.2", Status = ComplianceStatus.Partly, Evidence = "Acknowledgements sampled monthly",
        });
        DocumentRequest Request(DocumentKind kind) => new() { Kind = kind, Format = DocumentFormat.Markdown, Period = new V1.Period { Kind = PeriodKind.FinancialYear, Year = 2024 } };

        var section = (await documents.GetDocumentAsync(Request(DocumentKind.HousingAnnualReport))).Document.Sections.Single(s => s.Key == "self_assessment");
        Assert.Equal("Self-assessment against the Housing Ombudsman's Complaint Handling Code", section.Heading);
        Assert.Equal(CodeProvisions.Housing.Select(p => p.Paragraph), section.SelfAssessment.Items.Select(i => i.Paragraph));
        Assert.Equal((1, CodeProvisions.Housing.Count - 1), (section.SelfAssessment.Partly, section.SelfAssessment.NotAssessed));
        Assert.Equal($"Of {CodeProvisions.Housing.Count} provisions of the Code: 0 complied with, 1 partly, 0 not complied with, {CodeProvisions.Housing.Count - 1} not yet assessed.", section.Paragraphs[0]);
        // The orders of the Housing Ombudsman evidence the governing body's updates on complying with them (9.7).
        Assert.Equal(
            ["4 orders made by the Housing Ombudsman: 3 complied with (1 late), 1 outstanding and 1 overdue; 66.7% compliance with orders (3 cases assessed)"],
            section.SelfAssessment.Items.Single(i => i.Paragraph == "H9.7").LiveEvidence);

        // The LGSCO Code's register is untouched by the housing Code's assessment, and the API gives either register.
        var lgsco = (await documents.GetDocumentAsync(Request(DocumentKind.AnnualReport))).Document.Sections.Single(s => s.Key == "self_assessment").SelfAssessment;
        Assert.Equal((0, CodeProvisions.All.Count), (lgsco.Partly, lgsco.Items.Count));
        Assert.DoesNotContain(lgsco.Items.SelectMany(i => i.LiveEvidence), e => e.Contains("orders", StringComparison.Ordinal));
        var housing = await documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2024, Ombudsman = (int)Ombudsman.V1.Ombudsman.Housing });
        Assert.Equal("Acknowledgements sampled monthly", housing.Items.Single(i => i.Paragraph == "H6.2").Evidence);
        var lgscoByApi = await documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2024, Ombudsman = (int)Ombudsman.V1.Ombudsman.Lgsco });
        Assert.Equal(CodeProvisions.All.Select(p => p.Paragraph), lgscoByApi.Items.Select(i => i.Paragraph));
        var csv = await documents.ExportSelfAssessmentCsvAsync(new GetSelfAssessmentRequest { Year = 2024, Ombudsman = (int)Ombudsman.V1.Ombudsman.Housing });
        Assert.Equal("housing-self-assessment-2024.csv", csv.FileName);
        Assert.Contains("H6.2,Complaint stages,", csv.Csv);
        var wrong = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2024, Ombudsman = 7 }).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, wrong.StatusCode);
    }

    [Fact]
    public async Task Each_Codes_register_is_marked_by_the_conformance_check_of_its_own_streams_policy_at_its_own_numbering()
    {
        // The check cites the LGSCO Code's numbers: 6.8 (reasons to escalate) is the Housing Code's 6.12, 6.4-6.5 (Stage 1 extension) its 6.4.
        _host.CaseWorkflow.Publish(DocumentsFixture.Policy(ComplaintsPlatform.CaseWorkflow.V1.ComplaintStream.Housing, 3,
            ("6.8", "The resident must give reasons to escalate: the Housing Code says they need not."),
            ("6.4-6.5", "Stage 1 extension of up to 15 working days: the Code allows at most 10 working days.")));
        _host.CaseWorkflow.Publish(DocumentsFixture.Policy(ComplaintsPlatform.CaseWorkflow.V1.ComplaintStream.Corporate, 1, ("6.12", "Stage 2 may be considered by the Stage 1 handler.")));
        await _host.CaughtUpAsync();
        var documents = DocumentsFixture.Client(_host, "complaints_team");

        var housing = await documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2024, Ombudsman = (int)Ombudsman.V1.Ombudsman.Housing });
        Assert.Equal(["H6.4", "H6.12"], housing.Items.Where(i => i.MarkedByConformanceCheck).Select(i => i.Paragraph).ToArray());
        var reasons = housing.Items.Single(i => i.Paragraph == "H6.12");
        Assert.Equal(ComplianceStatus.DoesNotComply, reasons.Status);
        Assert.Equal(["Housing policy v3: The resident must give reasons to escalate: the Housing Code says they need not. (conformance check)"], reasons.LiveEvidence);
        // The Housing Code's 6.5 (the Ombudsman's details with an extension) is not the LGSCO Code's 6.5, and the corporate policy's deviation stays out.
        Assert.Equal(ComplianceStatus.Unspecified, housing.Items.Single(i => i.Paragraph == "H6.5").Status);
        var handler = housing.Items.Single(i => i.Paragraph == "H6.13");
        Assert.Equal((ComplianceStatus.Unspecified, false), (handler.Status, handler.MarkedByConformanceCheck));
        Assert.Equal(["Housing policy v3 conforms (conformance check)"], handler.LiveEvidence);

        var lgsco = await documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2024 });
        Assert.Equal(["6.12"], lgsco.Items.Where(i => i.MarkedByConformanceCheck).Select(i => i.Paragraph).ToArray());
        Assert.Equal(["Corporate policy v1 conforms (conformance check)"], lgsco.Items.Single(i => i.Paragraph == "6.8").LiveEvidence);

        var report = (await documents.GetDocumentAsync(new DocumentRequest
        {
            Kind = DocumentKind.HousingAnnualReport, Format = DocumentFormat.Markdown, Period = new V1.Period { Kind = PeriodKind.FinancialYear, Year = 2024 },
        })).Document.Sections.Single(s => s.Key == "self_assessment");
        Assert.Contains("2 provisions are marked as not complied with by the conformance check of the current housing procedure policy.", report.Paragraphs);
        Assert.Equal(2, report.SelfAssessment.DoesNotComply);
    }
}
