using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(DocumentsCollection.Name)]
public sealed class OmbudsmanTablesTests(DocumentsFixture fixture)
{
    private static readonly ReportKind[] Tables =
        [ReportKind.OmbudsmanEnquiries, ReportKind.OmbudsmanDecisions, ReportKind.OmbudsmanInvestigations, ReportKind.OmbudsmanRemedies, ReportKind.StatutoryStages];

    private YearGenerator Year => fixture.Year;

    [Fact]
    public async Task Generated_Ombudsman_decisions_give_their_known_totals_in_every_Ombudsman_table_by_directorate_on_both_bases()
    {
        var (checkedCells, nonZero) = (0, 0);
        foreach (var report in Tables)
        {
            foreach (var basis in new[] { Basis.Received, Basis.Resolved })
            {
                foreach (var year in new[] { 2024, 2025, 2026 })
                {
                    var table = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(report, year, basis, Grouping.Directorate));
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var column = table.Columns[c];
                        if (column.Unit is not (Unit.Count or Unit.Pence) || column.Key.StartsWith("previous_", StringComparison.Ordinal))
                        {
                            continue;
                        }
                        var expected = Year.Total(report, column.Key, basis, year);
                        Assert.True(expected == (long)table.Total.Cells[c].Value, $"{report} {basis} {year} {column.Key}: expected {expected}, got {table.Total.Cells[c].Value}");
                        foreach (var directorate in new[] { Council.Environment, Council.Corporate })
                        {
                            var row = table.Rows.SingleOrDefault(r => r.Key == "directorate:" + directorate);
                            Assert.Equal(Year.Total(report, column.Key, basis, year, directorate), (long)(row?.Cells[c].Value ?? 0));
                        }
                        checkedCells++;
                        nonZero += expected > 0 ? 1 : 0;
                    }
                }
            }
        }
        Assert.True(checkedCells > 150, $"only {checkedCells} cells checked");
        Assert.True(nonZero > 80, $"only {nonZero} non-zero totals");
    }

    [Fact]
    public async Task The_upheld_rate_is_of_investigated_decisions_and_compliance_is_cases_complied_of_cases_assessed()
    {
        var investigations = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanInvestigations, 2025, Basis.Resolved));
        var upheld = Year.Total(ReportKind.OmbudsmanInvestigations, "upheld", Basis.Resolved, 2025);
        var investigated = Year.Total(ReportKind.OmbudsmanInvestigations, "investigated", Basis.Resolved, 2025);
        var satisfactory = Year.Total(ReportKind.OmbudsmanInvestigations, "satisfactory_remedy", Basis.Resolved, 2025);
        Assert.True(upheld > 0 && investigated > upheld);
        Assert.Equal(Math.Round(100.0 * upheld / investigated, 1), Cell(investigations, "upheld_rate"));
        Assert.Equal(Math.Round(100.0 * satisfactory / upheld, 1), Cell(investigations, "satisfactory_remedy_rate"));

        var remedies = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanRemedies, 2025, Basis.Resolved));
        var complied = Year.Total(ReportKind.OmbudsmanRemedies, "cases_complied", Basis.Resolved, 2025);
        var late = Year.Total(ReportKind.OmbudsmanRemedies, "cases_complied_late", Basis.Resolved, 2025);
        var assessed = Year.Total(ReportKind.OmbudsmanRemedies, "cases_assessed", Basis.Resolved, 2025);
        Assert.True(late > 0 && assessed >= complied && complied > 0, $"late {late}, complied {complied}, assessed {assessed}");
        Assert.Equal(Math.Round(100.0 * complied / assessed, 1), Cell(remedies, "compliance_rate"));
        Assert.Equal(Math.Round(100.0 * late / assessed, 1), Cell(remedies, "complied_late_rate"));
        Assert.True(Cell(remedies, "completed_late") > 0 && Cell(remedies, "compensation_paid_pence") > 0);
        // Delayed remedies (done over 12 months on) fall in the next year.
        var next = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanRemedies, 2026, Basis.Resolved));
        Assert.Equal(Year.Total(ReportKind.OmbudsmanRemedies, "delayed", Basis.Resolved, 2026), (long)Cell(next, "delayed"));
        Assert.True(Cell(next, "delayed") > 0);
    }

    [Fact]
    public async Task The_annual_letter_sets_the_councils_measures_beside_the_average_for_its_type_and_named_neighbours()
    {
        var client = fixture.Documents();
        var letter = await client.GetAnnualLetterAsync(new AnnualLetterRequest { Year = 2025 });
        Assert.Equal(["council_ombudsman", "type_average", "neighbour:Northshire", "neighbour:Westshire"], letter.Rows.Select(r => r.Key).ToArray());
        Assert.Equal([65.0, 4.12, 98.0, 12.0], letter.Rows[0].Cells.Select(c => c.Value).ToArray());
        Assert.Equal([81.0, 6.10, 100.0, 9.0], letter.Rows[2].Cells.Select(c => c.Value).ToArray());
        var investigations = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanInvestigations, 2025, Basis.Resolved));
        Assert.Equal(Cell(investigations, "upheld_rate"), letter.Total.Cells[0].Value);
        var upheld = Year.Total(ReportKind.OmbudsmanInvestigations, "upheld", Basis.Resolved, 2025);
        Assert.True(upheld > 0);
        Assert.Equal(Math.Round(upheld * 100_000.0 / Council.Population, 2), letter.Total.Cells[1].Value);

        var csv = await client.ExportAnnualLetterCsvAsync(new AnnualLetterRequest { Year = 2025 });
        Assert.Contains("Northshire,81,6.1,100,9", csv.Csv);
    }

    [Theory]
    [InlineData(29, 735_000, 3.95)]
    [InlineData(412, 100_000, 412.0)]
    [InlineData(1, 3_000_000, 0.03)]
    public void Upheld_decisions_per_100000_population_are_the_count_over_the_population_to_two_places(double upheld, long population, double expected) =>
        Assert.Equal(expected, Reports.AnnualLetter.Per100k(new Cell { Value = upheld }, population).Value);

    [Fact]
    public void The_rate_per_100000_is_hidden_with_a_hidden_count_and_not_given_without_a_population()
    {
        Assert.True(Reports.AnnualLetter.Per100k(new Cell { Suppressed = true }, 735_000).Suppressed);
        Assert.True(Reports.AnnualLetter.Per100k(new Cell { Value = 29 }, 0).Empty);
        Assert.True(Reports.AnnualLetter.Per100k(null, 735_000).Empty);
    }

    [Fact]
    public async Task A_trend_gives_one_series_per_row_over_five_financial_years()
    {
        var client = fixture.Documents();
        var trend = await client.GetTrendAsync(new TrendRequest { Report = ReportKind.OmbudsmanDecisions, Grouping = Grouping.Directorate, Basis = Basis.Resolved, Column = "decisions", ToYear = 2025 });
        Assert.Equal(["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"], trend.Columns.Select(c => c.Label).ToArray());
        Assert.Equal(Enumerable.Range(2021, 5).Select(y => (double)Year.Total(ReportKind.OmbudsmanDecisions, "decisions", Basis.Resolved, y)).ToArray(),
            trend.Total.Cells.Select(c => c.Value).ToArray());
        var environment = trend.Rows.Single(r => r.Key == "directorate:" + Council.Environment);
        Assert.Equal((double)Year.Total(ReportKind.OmbudsmanDecisions, "decisions", Basis.Resolved, 2024, Council.Environment), environment.Cells[3].Value);
        var csv = await client.ExportTrendCsvAsync(new TrendRequest { Report = ReportKind.Complaints, ToYear = 2025, Years = 3 });
        Assert.StartsWith("Group,2023/24,2024/25,2025/26", csv.Csv);
    }

    [Fact]
    public async Task Scrutiny_sees_the_Ombudsman_tables_and_their_trends_by_directorate_as_published_small_numbers_included()
    {
        var scrutiny = fixture.Host.Client("scrutiny");
        var table = await scrutiny.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanDecisions, 2025, Basis.Resolved, Grouping.Directorate));
        var truth = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.OmbudsmanDecisions, 2025, Basis.Resolved, Grouping.Directorate));
        Assert.True(table.SuppressionApplied);
        // Corporate has one decision in five: its small counts are published at directorate level, as the council publishes them.
        var corporate = table.Rows.Single(r => r.Key == "directorate:" + Council.Corporate);
        Assert.Contains(corporate.Cells, c => c.Value is >= 1 and <= 4);
        Assert.Equal(truth.Rows.Append(truth.Total).Select(r => r.ToString()), table.Rows.Append(table.Total).Select(r => r.ToString()));

        var trend = await fixture.Documents("scrutiny").GetTrendAsync(new TrendRequest { Report = ReportKind.OmbudsmanDecisions, Grouping = Grouping.Directorate, Basis = Basis.Resolved, Column = "decision_" + Ombudsman.V1.OmbudsmanDecision.Upheld, ToYear = 2025 });
        Assert.True(trend.SuppressionApplied);
        Assert.DoesNotContain(trend.Rows.Append(trend.Total).SelectMany(r => r.Cells), c => c.Suppressed);
        var denied = await Assert.ThrowsAsync<RpcException>(() => fixture.Documents("scrutiny").GetTrendAsync(new TrendRequest { Report = ReportKind.Complaints, Grouping = Grouping.Team, ToYear = 2025 }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    private static double Cell(ReportTable table, string column) =>
        table.Total.Cells[table.Columns.ToList().FindIndex(c => c.Key == column)].Value;
}
