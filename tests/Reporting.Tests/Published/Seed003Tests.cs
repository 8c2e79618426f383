using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.Published.SeedEvents;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests.Published;

/// <summary>
/// Seed 003 (a county's corporate complaints report 2023-24) entered as its history: the four-year Stage 2
/// table, Stage 1's outcomes of 2023-24, and the Ombudsman's remedies ("100% compliance, 50% of the
/// remedies completed late"), read back as an API-key holder reads them.
/// </summary>
public sealed class Seed003Tests : IAsyncLifetime
{
    // Financial year: requests, granted, refused, upheld, partly upheld, not upheld, no finding, withdrawn (as printed).
    private static readonly (int Year, int Requests, int Granted, int Refused, int Upheld, int Partly, int NotUpheld, int NoFinding, int Withdrawn)[] Stage2 =
    [
        (2020, 20, 18, 2, 1, 3, 13, 1, 0),
        (2021, 29, 27, 2, 4, 6, 14, 3, 0),
        (2022, 28, 25, 3, 7, 3, 15, 0, 0),
        (2023, 27, 25, 2, 9, 1, 14, 0, 1),
    ];

    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync();
        var seed = new SeedEvents(_host, "s003");
        foreach (var y in Stage2)
        {
            var outcomes = Enumerable.Repeat(Finding.Upheld, y.Upheld).Concat(Enumerable.Repeat(Finding.PartlyUpheld, y.Partly))
                .Concat(Enumerable.Repeat(Finding.NotUpheld, y.NotUpheld)).Concat(Enumerable.Repeat(Finding.NoFinding, y.NoFinding))
                .Concat(Enumerable.Repeat(Finding.Unspecified, y.Withdrawn)).ToList();
            for (var i = 0; i < y.Requests; i++)
            {
                var area = Council.Areas[i % 3].Area;
                var id = seed.Open(ComplaintStream.Corporate, area, new DateOnly(y.Year, 5, 1).AddDays(i));
                var requested = new DateOnly(y.Year, 7, 1).AddDays(i);
                seed.RequestStage2(id, ComplaintStream.Corporate, requested);
                if (i >= y.Granted)
                {
                    seed.Refuse(id, ComplaintStream.Corporate, requested.AddDays(2));
                }
                else if (outcomes[i] == Finding.Unspecified)
                {
                    seed.Grant(id, ComplaintStream.Corporate, requested.AddDays(2));
                    seed.Withdraw(id, ComplaintStream.Corporate, 2, requested.AddDays(10));
                }
                else
                {
                    seed.Grant(id, ComplaintStream.Corporate, requested.AddDays(2));
                    seed.Respond(id, ComplaintStream.Corporate, 2, requested.AddDays(30), outcomes[i]);
                }
            }
        }
        // Stage 1 of 2023-24 (all in Highways): 709 upheld and 75 partly upheld.
        for (var i = 0; i < 709 + 75; i++)
        {
            var id = seed.Open(ComplaintStream.Corporate, Council.Highways, new DateOnly(2023, 4, 3).AddDays(i % 300));
            seed.Respond(id, ComplaintStream.Corporate, 1, new DateOnly(2023, 4, 20).AddDays(i % 300), i < 709 ? Finding.Upheld : Finding.PartlyUpheld);
        }
        // The Ombudsman's remedies of 2023-24: four cases, every one complied with, two of them late.
        Remedies("A", (false, 10), (false, 20));
        Remedies("B", (true, 15));
        Remedies("C", (false, 12), (true, 40));
        Remedies("D", (false, 30));
        await _host.CaughtUpAsync();
    }

    private void Remedies(string enquiry, params (bool Late, int Days)[] recommendations)
    {
        var decided = new DateOnly(2023, 6, 1);
        var id = "s003-omb-" + enquiry;
        _host.Ombudsman.Publish(new EnquiryReceived { EnquiryId = id, Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, DirectorateId = Council.Environment, ReceivedOn = D(decided.AddDays(-60)), Imported = true });
        _host.Ombudsman.Publish(new OmbudsmanDecisionRecorded
        {
            EnquiryId = id, Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, DirectorateId = Council.Environment, Decision = OmbudsmanDecision.Upheld,
            Injustice = true, DecidedOn = D(decided), ReceivedOn = D(decided.AddDays(-60)), Imported = true,
        });
        for (var r = 0; r < recommendations.Length; r++)
        {
            var (late, days) = recommendations[r];
            var due = decided.AddDays(30);
            _host.Ombudsman.Publish(new RecommendationAgreed
            {
                EnquiryId = id, RecommendationId = $"{id}-{r}", Type = RecommendationType.Apology, AgreedOn = D(decided), DueOn = D(due), DirectorateId = Council.Environment, Imported = true,
            });
            _host.Ombudsman.Publish(new RecommendationCompleted
            {
                EnquiryId = id, RecommendationId = $"{id}-{r}", Type = RecommendationType.Apology, DueOn = D(due), CompletedOn = D(decided.AddDays(late ? 30 + days : days)),
                Late = late, DirectorateId = Council.Environment, Imported = true,
            });
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_Stage_2_table_of_four_years_reads_back_every_printed_count_with_percentages_on_their_stated_base()
    {
        var (client, key) = await ApiKeyAsync(_host);
        var table = await client.GetReportAsync(new ReportRequest
        {
            Report = ReportKind.Stage2Reviews, Period = new V1.Period { Kind = PeriodKind.FinancialYear, Year = 2023 }, Years = 4, Stream = ComplaintStream.Corporate,
        }, key);

        Assert.True(table.SuppressionApplied);
        Assert.Equal(["2020/21", "2021/22", "2022/23", "2023/24"], table.Rows.Select(r => r.Label).ToArray());
        foreach (var y in Stage2)
        {
            var row = $"year:{y.Year}/{(y.Year + 1) % 100:00}";
            Assert.Equal([y.Requests, y.Granted, y.Refused, y.Upheld, y.Partly, y.NotUpheld, y.NoFinding, y.Withdrawn],
                new[] { "requests", "granted", "refused", "upheld", "partly_upheld", "not_upheld", "no_finding", "withdrawn" }.Select(c => (int)Cell(table, c, row)).ToArray());
        }
        // Each percentage says its base; the council printed 2022-23 on requests and 2020-21 on those granted.
        Assert.Equal("% upheld (of requests)", table.Columns.Single(c => c.Key == "upheld_of_requests").Label);
        Assert.Equal([25.0, 10.7, 53.6, 10.7], new[] { "upheld_of_requests", "partly_upheld_of_requests", "not_upheld_of_requests", "refused_rate" }.Select(c => Cell(table, c, "year:2022/23")).ToArray());
        Assert.Equal([13.8, 20.7, 48.3, 6.9], new[] { "upheld_of_requests", "partly_upheld_of_requests", "not_upheld_of_requests", "refused_rate" }.Select(c => Cell(table, c, "year:2021/22")).ToArray());
        Assert.Equal([5.6, 16.7, 72.2, 10.0], new[] { "upheld_of_granted", "partly_upheld_of_granted", "not_upheld_of_granted", "refused_rate" }.Select(c => Cell(table, c, "year:2020/21")).ToArray());
        Assert.Equal([36.0, 4.0, 56.0, 4.0], new[] { "upheld_of_granted", "partly_upheld_of_granted", "not_upheld_of_granted", "withdrawn_of_granted" }.Select(c => Cell(table, c, "year:2023/24")).ToArray());
    }

    [Fact]
    public async Task Findings_by_stage_show_an_api_key_holder_the_published_figures_while_service_areas_keep_small_counts_hidden()
    {
        var (client, key) = await ApiKeyAsync(_host);
        var request = ReportingHost.Request(ReportKind.Findings, 2023, Basis.Resolved, Grouping.Stage);
        var byStage = await client.GetReportAsync(request, key);

        Assert.Equal((709.0, 75.0), (Cell(byStage, "upheld", "stage:1"), Cell(byStage, "partly_upheld", "stage:1")));
        Assert.Equal((9.0, 1.0, 14.0), (Cell(byStage, "upheld", "stage:2"), Cell(byStage, "partly_upheld", "stage:2"), Cell(byStage, "not_upheld", "stage:2")));
        Assert.DoesNotContain(byStage.Rows.Append(byStage.Total).SelectMany(r => r.Cells), c => c.Suppressed);

        request.Grouping = Grouping.ServiceArea;
        var byArea = await client.GetReportAsync(request, key);
        var libraries = byArea.Rows.Single(r => r.Key == "service_area:" + Council.Libraries);
        Assert.Contains(libraries.Cells, c => c.Suppressed);
        Assert.Equal(709 + 75 + 25.0 - 1, byArea.Total.Cells[byArea.Columns.ToList().FindIndex(c => c.Key == "total")].Value);
    }

    [Fact]
    public async Task Compliance_is_counted_per_case_as_the_Ombudsman_counts_it_100_percent_with_half_complied_late()
    {
        var (client, key) = await ApiKeyAsync(_host);
        var remedies = await client.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanRemedies, 2023, Basis.Resolved), key);

        Assert.Equal((4.0, 4.0, 2.0, 0.0), (Cell(remedies, "cases_assessed"), Cell(remedies, "cases_complied"), Cell(remedies, "cases_complied_late"), Cell(remedies, "cases_not_complied")));
        Assert.Equal((100.0, 50.0), (Cell(remedies, "compliance_rate"), Cell(remedies, "complied_late_rate")));
        // Recommendation by recommendation, two of six were late: that is apart, not the compliance rate.
        Assert.Equal((6.0, 2.0), (Cell(remedies, "completed"), Cell(remedies, "completed_late")));
        var letter = await DocumentsFixture.Client(_host, "complaints_team").GetAnnualLetterAsync(new AnnualLetterRequest { Year = 2023 });
        Assert.Equal(100.0, letter.Total.Cells[2].Value);
    }
}
