using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>One host fed a generated year; the read-only tests share it, the rebuild test goes last in its own class.</summary>
public sealed class GeneratedYearFixture : IAsyncLifetime
{
    public ReportingHost Host { get; private set; } = null!;

    public YearGenerator Year { get; } = YearGenerator.Generate();

    public async Task InitializeAsync()
    {
        Host = await ReportingHost.StartAsync();
        Year.PublishTo(Host);
        await Host.CaughtUpAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GeneratedYearCollection : ICollectionFixture<GeneratedYearFixture>
{
    public const string Name = "generated year";
}

[Collection(GeneratedYearCollection.Name)]
public sealed class GeneratedYearTests(GeneratedYearFixture fixture)
{
    public static readonly ReportKind[] AllReports = Enum.GetValues<ReportKind>().Where(k => k != ReportKind.Unspecified).ToArray();

    [Fact]
    public async Task A_generated_year_gives_exactly_its_known_totals_in_every_table_on_both_bases()
    {
        var checkedCells = 0;
        var basesDiffer = 0;
        // The contact-types table is turned (a row per kind of contact): PublishedTablesTests checks it.
        foreach (var report in AllReports.Where(r => r != ReportKind.ContactTypes))
        {
            foreach (var basis in new[] { Basis.Received, Basis.Resolved })
            {
                var table = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(report, 2025, basis));
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    if (column.Unit is not (Unit.Count or Unit.Pence) || column.Key.StartsWith("previous_", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var expected = fixture.Year.Total(report, column.Key, basis, 2025);
                    basesDiffer += expected != fixture.Year.Total(report, column.Key, basis == Basis.Received ? Basis.Resolved : Basis.Received, 2025) ? 1 : 0;
                    Assert.True(expected == (long)table.Total.Cells[c].Value, $"{report} {basis} {column.Key}: expected {expected}, got {table.Total.Cells[c].Value}");
                    checkedCells++;
                }
            }
        }
        Assert.True(checkedCells > 100, $"only {checkedCells} cells checked");
        // The two bases really differ for this year (cases received in one year and resolved in the next).
        Assert.True(basesDiffer > 10, $"only {basesDiffer} cells differ between the bases");
    }

    [Fact]
    public async Task Previous_year_column_is_the_previous_financial_year_and_groupings_add_up_to_the_council()
    {
        var table = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Complaints, 2025, Basis.Received, Grouping.Directorate));
        Assert.Equal(fixture.Year.Total(ReportKind.Complaints, "complaints", Basis.Received, 2024), (long)table.Total.Cells[1].Value);
        Assert.Equal(table.Total.Cells[0].Value, table.Rows.Sum(r => r.Cells[0].Value));
        var environment = Assert.Single(table.Rows, r => r.Key == "directorate:" + Council.Environment);
        Assert.Equal("Environment & Transport", environment.Label);
        Assert.Equal(fixture.Year.Total(ReportKind.Complaints, "complaints", Basis.Received, 2025, Council.Environment), (long)environment.Cells[0].Value);

        var teams = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Findings, 2025, Basis.Resolved, Grouping.Team));
        Assert.Equal(["Highways North", "Libraries Central", "Waste Collection"], teams.Rows.Select(r => r.Label).ToArray());
        var stages = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Timeliness, 2025, Basis.Resolved, Grouping.Stage));
        Assert.Equal(["Stage 1", "Stage 2"], stages.Rows.Select(r => r.Label).ToArray());
    }

    [Fact]
    public async Task Top_service_areas_are_ordered_with_last_years_figure()
    {
        var request = ReportingHost.Request(ReportKind.TopServiceAreas, 2025, Basis.Received);
        request.TopN = 2;
        var top2 = await fixture.Host.Team.GetReportAsync(request);
        Assert.Equal(2, top2.Rows.Count);
        Assert.True(top2.Rows[0].Cells[0].Value >= top2.Rows[1].Cells[0].Value);
        request.TopN = 3;
        var all = await fixture.Host.Team.GetReportAsync(request);
        Assert.Equal(fixture.Year.Total(ReportKind.TopServiceAreas, "complaints", Basis.Received, 2024), (long)all.Rows.Sum(r => r.Cells[1].Value));
    }

    [Fact]
    public async Task Csv_export_has_the_same_figures_as_the_table()
    {
        var request = ReportingHost.Request(ReportKind.Findings, 2025, Basis.Resolved, Grouping.ServiceArea);
        var table = await fixture.Host.Team.GetReportAsync(request);
        var csv = await fixture.Host.Team.ExportCsvAsync(request);
        var lines = csv.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.ContentType);
        Assert.Equal(table.Rows.Count + 2, lines.Length);
        Assert.StartsWith("Group,Upheld,Partly upheld,Fault found (upheld + partly upheld)", lines[0]);
        Assert.StartsWith($"Council,{table.Total.Cells[0].Value},{table.Total.Cells[1].Value},", lines[^1]);
    }

    [Fact]
    public async Task Timeliness_averages_and_90th_percentile_come_from_the_working_day_histogram()
    {
        var table = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Timeliness, 2025, Basis.Resolved, Grouping.Stage));
        var column = table.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c.Key, x => x.i);
        var stage2 = table.Rows.Single(r => r.Key == "stage:2");
        // Stage 2 responses are sent 20 calendar days after acceptance: 14 or 15 working days depending on bank holidays.
        Assert.InRange(stage2.Cells[column["p90_days"]].Value, 13, 15);
        Assert.InRange(stage2.Cells[column["average_days"]].Value, 13, 15);
        Assert.InRange(table.Total.Cells[column["ack_on_time_rate"]].Value, 80, 90);
    }

    [Fact]
    public async Task The_feed_status_shows_each_feed_caught_up()
    {
        var status = await fixture.Host.Team.GetFeedStatusAsync(new GetFeedStatusRequest());
        Assert.Equal(["intake", "caseworkflow", "ombudsman", "compliments"], status.Feeds.Select(f => f.Source).ToArray());
        Assert.All(status.Feeds, f => Assert.Equal((f.Head, 0L, ""), (f.Checkpoint, f.Behind, f.Error)));
        Assert.Equal(fixture.Host.CaseWorkflow.Head, status.Feeds[1].Head);
        var denied = await Assert.ThrowsAsync<RpcException>(() => fixture.Host.Client("service_lead", Council.Corporate).GetFeedStatusAsync(new GetFeedStatusRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    public static async Task<List<byte[]>> SnapshotAsync(ReportingHost host)
    {
        var all = new List<byte[]>();
        foreach (var report in AllReports)
        {
            foreach (var basis in new[] { Basis.Received, Basis.Resolved })
            {
                foreach (var grouping in new[] { Grouping.Council, Grouping.Team, Grouping.Stage, Grouping.Channel })
                {
                    if (report == ReportKind.Stage2Reviews && grouping == Grouping.Team)
                    {
                        continue; // not kept by team
                    }
                    var table = await host.Team.GetReportAsync(ReportingHost.Request(report, 2025, basis, grouping));
                    table.AsOf = null;
                    all.Add(table.ToByteArray());
                }
            }
        }
        return all;
    }
}
