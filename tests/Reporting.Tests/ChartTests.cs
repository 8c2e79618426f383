using System.Xml.Linq;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>The annual reports' charts: the figures each draws are the report tables' own, for the caller's audience.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class ChartTests(DocumentsFixture fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private Task<Chart> Get(ChartKind kind, string role = "complaints_team", int target = 0, int year = 2025) =>
        fixture.Documents(role).GetChartAsync(new ChartRequest { Kind = kind, Year = year, TargetPercent = target }).ResponseAsync;

    [Fact]
    public async Task The_volumes_chart_gives_five_years_of_Stage_1_and_Stage_2_per_stream_as_the_stage_funnel_counts_them()
    {
        var chart = await Get(ChartKind.VolumesByStreamAndStage);
        var table = chart.Table;
        Assert.Equal(10, table.Columns.Count);
        Assert.Equal(["stage1:fy2021", "stage1:fy2025", "stage2_accepted:fy2021", "stage2_accepted:fy2025"],
            new[] { 0, 4, 5, 9 }.Select(i => table.Columns[i].Key).ToArray());
        foreach (var stream in new[] { "Corporate", "AdultSocialCare" })
        {
            foreach (var year in new[] { 2024, 2025 })
            {
                Assert.Equal(fixture.Year.Total(ReportKind.StageFunnel, "stage1", Basis.Received, year, stream: stream),
                    (long)Cells.Of(table, $"stage1:fy{year}", "stream:" + stream)!.Value);
                Assert.Equal(fixture.Year.Total(ReportKind.StageFunnel, "stage2_accepted", Basis.Received, year, stream: stream),
                    (long)Cells.Of(table, $"stage2_accepted:fy{year}", "stream:" + stream)!.Value);
            }
        }
        Assert.True(Cells.Of(table, "stage1:fy2025", "stream:Corporate")!.Value > 0);
        Assert.Equal(fixture.Year.Total(ReportKind.StageFunnel, "stage1", Basis.Received, 2025), (long)Cells.Of(table, "stage1:fy2025")!.Value);

        // One bar segment per non-zero figure, in the stream's colour; nothing else drawn in those colours.
        var svg = XDocument.Parse(chart.Svg).Root!;
        var segments = svg.Elements(Svg + "rect").Where(r => (string?)r.Attribute("height") == "14").ToList();
        var figures = table.Rows.SelectMany(r => r.Cells).Count(c => c.Value > 0);
        Assert.Equal(figures, segments.Count);
        Assert.Equal(10, svg.Elements(Svg + "text").Count(t => t.Value.EndsWith("Stage 1", StringComparison.Ordinal) || t.Value.EndsWith("Stage 2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_calendar_year_chart_counts_by_calendar_year_in_its_bars_and_its_figures_table()
    {
        var documents = fixture.Documents("complaints_team");
        var chart = await documents.GetChartAsync(new ChartRequest { Kind = ChartKind.VolumesByStreamAndStage, Year = 2025, YearKind = PeriodKind.CalendarYear });
        var table = chart.Table;
        Assert.Equal(["stage1:cy2021", "stage1:cy2025"], new[] { 0, 4 }.Select(i => table.Columns[i].Key).ToArray());
        Assert.Contains("2021 to 2025", chart.Title);
        Assert.Contains("each calendar year", chart.Description);
        var calendar = fixture.Year.Total(ReportKind.StageFunnel, "stage1", Basis.Received, 2025, calendarYear: true);
        var financial = fixture.Year.Total(ReportKind.StageFunnel, "stage1", Basis.Received, 2025);
        // The generated cases run from February 2025 to April 2026, so the two kinds of year differ.
        Assert.NotEqual(financial, calendar);
        Assert.Equal(calendar, (long)Cells.Of(table, "stage1:cy2025")!.Value);
        Assert.Equal(fixture.Year.Total(ReportKind.StageFunnel, "stage1", Basis.Received, 2025, stream: "Corporate", calendarYear: true),
            (long)Cells.Of(table, "stage1:cy2025", "stream:Corporate")!.Value);
        var svg = XDocument.Parse(chart.Svg).Root!;
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "2025 Stage 1");

        var outcomes = await documents.GetChartAsync(new ChartRequest { Kind = ChartKind.OutcomesByService, Year = 2025, YearKind = PeriodKind.CalendarYear });
        Assert.Equal(fixture.Year.Total(ReportKind.Findings, "upheld", Basis.Resolved, 2025, calendarYear: true), (long)Cells.Of(outcomes.Table, "upheld")!.Value);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            documents.GetChartAsync(new ChartRequest { Kind = ChartKind.Timeliness, Year = 2025, YearKind = PeriodKind.Quarter }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public async Task A_chart_is_an_image_with_its_title_and_description_and_no_script_or_style()
    {
        foreach (var kind in Enum.GetValues<ChartKind>().Where(k => k != ChartKind.Unspecified))
        {
            var chart = await Get(kind);
            var svg = XDocument.Parse(chart.Svg).Root!;
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Equal(chart.Title, svg.Element(Svg + "title")!.Value);
            Assert.Equal(chart.Description, svg.Element(Svg + "desc")!.Value);
            Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "style" or "foreignObject");
            Assert.DoesNotContain(svg.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "style");
        }
    }

    [Fact]
    public async Task Timeliness_is_drawn_against_the_target_asked_for_or_the_councils_and_a_target_over_100_is_refused()
    {
        var chart = await Get(ChartKind.Timeliness, target: 85);
        Assert.Contains("target of 85%", chart.Title);
        var svg = XDocument.Parse(chart.Svg).Root!;
        var line = svg.Elements(Svg + "line").Single(l => l.Attribute("stroke-dasharray") is not null);
        // The plot runs from x=230 to x=660 for 0-100%.
        Assert.Equal(230 + 430 * 0.85, double.Parse((string)line.Attribute("x1")!, System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Contains("target of 90%", (await Get(ChartKind.Timeliness)).Title);
        var stage1 = Cells.Of(chart.Table, "within_original_rate", "stage:1")!;
        var responses = fixture.Year.Total(ReportKind.Timeliness, "responses", Basis.Resolved, 2025);
        Assert.True(responses > 0 && stage1.Value is > 0 and <= 100);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Get(ChartKind.Timeliness, target: 150));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => Get(ChartKind.Unspecified))).StatusCode);
    }

    [Fact]
    public async Task Outcomes_by_service_area_are_the_findings_table_largest_first_and_the_Ombudsman_chart_is_the_annual_letter()
    {
        var outcomes = (await Get(ChartKind.OutcomesByService)).Table;
        Assert.Equal(["upheld", "partly_upheld", "not_upheld", "no_finding"], outcomes.Columns.Select(c => c.Key).ToArray());
        var totals = outcomes.Rows.Select(r => r.Cells.Sum(c => c.Value)).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        Assert.Equal(fixture.Year.Total(ReportKind.Findings, "upheld", Basis.Resolved, 2025), (long)outcomes.Rows.Sum(r => r.Cells[0].Value));

        var ombudsman = await Get(ChartKind.OmbudsmanAgainstSimilar);
        Assert.Equal(["council_ombudsman", "type_average", "neighbour:Northshire", "neighbour:Westshire"], ombudsman.Table.Rows.Select(r => r.Key).ToArray());
        Assert.Equal(65, Cells.Of(ombudsman.Table, "upheld_rate", "council_ombudsman")!.Value);
        Assert.Contains(">81%<", ombudsman.Svg);
    }

    [Fact]
    public async Task Scrutiny_gets_every_chart_from_the_public_tables_and_no_suppressed_figure_is_drawn()
    {
        foreach (var kind in Enum.GetValues<ChartKind>().Where(k => k != ChartKind.Unspecified))
        {
            var chart = await Get(kind, "scrutiny");
            Assert.True(chart.Table.SuppressionApplied, kind.ToString());
            var suppressed = chart.Table.Rows.SelectMany(r => r.Cells).Count(c => c.Suppressed);
            if (suppressed > 0)
            {
                Assert.Contains("suppressed", chart.Description);
            }
        }
        var volumes = await Get(ChartKind.VolumesByStreamAndStage, "scrutiny");
        var team = await Get(ChartKind.VolumesByStreamAndStage);
        var drawn = XDocument.Parse(volumes.Svg).Root!.Elements(Svg + "rect").Count(r => (string?)r.Attribute("height") == "14");
        Assert.Equal(volumes.Table.Rows.SelectMany(r => r.Cells).Count(c => c.Value > 0 && !c.Suppressed), drawn);
        Assert.True(drawn <= XDocument.Parse(team.Svg).Root!.Elements(Svg + "rect").Count(r => (string?)r.Attribute("height") == "14"));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(23, 25)]
    [InlineData(26, 50)]
    [InlineData(420, 500)]
    public void The_axis_ends_at_the_next_round_number(double largest, double max) => Assert.Equal(max, SvgChart.NiceMax(largest));
}
