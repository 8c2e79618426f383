using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>Reporting:Charts: the council's timeliness target (% of responses within the deadline).</summary>
public sealed class ChartOptions
{
    public int TimelinessTargetPercent { get; set; } = 90;
}

/// <summary>
/// The four charts the councils' annual reports print, each drawn from report tables read for the
/// caller's audience (so a service lead sees their directorate and scrutiny the suppressed view), and
/// each given with the table of exactly the figures it draws.
/// </summary>
public sealed class ChartBuilder(ReportingDbContext db, DocumentTables tables, Microsoft.Extensions.Options.IOptions<ChartOptions> options)
{
    public async Task<Chart> BuildAsync(ChartRequest request, ReportAudience audience, CancellationToken ct)
    {
        if (request.Year is < 1990 or > 2100)
        {
            throw new ValidationException([new("year", "Give the year (1990-2100).")]);
        }
        Trends.YearKind(request.YearKind, "year_kind");
        if (request.YearKind == PeriodKind.Unspecified)
        {
            // The kind of year the council publishes by (the one the public view allows).
            request = request.Clone();
            request.YearKind = (await PublicSettings.ReadAsync(db, ct)).PublicYear;
        }
        if (request.TargetPercent is < 0 or > 100)
        {
            throw new ValidationException([new("target_percent", "Give the target as a percentage from 1 to 100.")]);
        }
        return request.Kind switch
        {
            ChartKind.VolumesByStreamAndStage => await VolumesAsync(request, audience, ct),
            ChartKind.Timeliness => await TimelinessAsync(request, request.TargetPercent > 0 ? request.TargetPercent : options.Value.TimelinessTargetPercent, audience, ct),
            ChartKind.OutcomesByService => await OutcomesAsync(request, audience, ct),
            ChartKind.OmbudsmanAgainstSimilar => await OmbudsmanAsync(request.Year, request.Ombudsman, audience, ct),
            _ => throw new ValidationException([new("kind", "Choose a chart.")]),
        };
    }

    // Each stream's series is the council's total for that stream (a stream filter, not a stream grouping, so the
    // public view — grouped by council only — gets it too).
    private static readonly ComplaintStream[] Streams =
        [ComplaintStream.Corporate, ComplaintStream.AdultSocialCare, ComplaintStream.ChildrenSocialCare, ComplaintStream.Housing];

    private async Task<Chart> VolumesAsync(ChartRequest request, ReportAudience audience, CancellationToken ct)
    {
        var (kind, prefix) = Trends.YearKind(request.YearKind, "year_kind");
        async Task<ReportTable> Trend(ComplaintStream stream) => await Trends.BuildAsync(tables, new TrendRequest
        {
            Report = ReportKind.StageFunnel, Grouping = Grouping.Council, ToYear = request.Year, Years = Trends.DefaultYears,
            Columns = { "stage1", "stage2_accepted" }, Stream = stream, YearKind = kind,
        }, audience, ct);
        var all = await Trend(ComplaintStream.Unspecified);
        var table = new ReportTable
        {
            Report = ReportKind.StageFunnel, PeriodLabel = all.PeriodLabel, Basis = all.Basis, Grouping = Grouping.Stream,
            SuppressionApplied = all.SuppressionApplied, AsOf = all.AsOf, Columns = { all.Columns.Select(c => c.Clone()) },
        };
        foreach (var stream in Streams)
        {
            var total = (await Trend(stream)).Total.Clone();
            total.Key = "stream:" + stream;
            total.Label = Labels.Stream(stream);
            table.Rows.Add(total);
        }
        table.Total = all.Total.Clone();
        table.Total.Label = "All streams";
        var years = table.Columns.Where(c => c.Key.StartsWith("stage1:", StringComparison.Ordinal)).Select(c => c.Key[("stage1:" + prefix).Length..]).ToList();
        var bars = new List<ChartBar>();
        foreach (var y in years)
        {
            var column = table.Columns.First(c => c.Key == $"stage1:{prefix}{y}").Label;
            var label = column[(column.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];
            bars.Add(new($"{label} Stage 1", table.Rows.Select(r => Value(Cells.Of(table, $"stage1:{prefix}{y}", r.Key))).ToList()));
            bars.Add(new($"{label} Stage 2", table.Rows.Select(r => Value(Cells.Of(table, $"stage2_accepted:{prefix}{y}", r.Key))).ToList()));
        }
        var title = $"Complaints by stream at Stage 1 and Stage 2, {table.PeriodLabel}";
        var description = $"Bars for each {(kind == PeriodKind.CalendarYear ? "calendar" : "financial")} year from {table.PeriodLabel}: complaints at Stage 1 and escalations accepted at Stage 2, divided by stream." + Suppressed(table);
        table.Title = title;
        return Chart(ChartKind.VolumesByStreamAndStage, title, description, table,
            SvgChart.HorizontalBars("volumes", title, description, table.Rows.Select(r => r.Label).ToList(), bars, stacked: true));
    }

    private async Task<Chart> TimelinessAsync(ChartRequest request, int target, ReportAudience audience, CancellationToken ct)
    {
        var timeliness = await YearAsync(ReportKind.Timeliness, request, Grouping.Stage, audience, ct);
        var table = Only(timeliness, "responses", "within_original", "over", "within_original_rate", "within_extended_rate");
        var bars = table.Rows.Select(r => new ChartBar(r.Label,
            [Value(Cells.Of(table, "within_original_rate", r.Key)), Value(Cells.Of(table, "within_extended_rate", r.Key))])).ToList();
        var title = $"Responses within the deadline against the target of {target}%, {timeliness.PeriodLabel}";
        var description = $"For each stage, the % of responses sent within the original deadline and within an agreed extension; the dashed line is the council's target of {target}%." + Suppressed(table);
        table.Title = title;
        return Chart(ChartKind.Timeliness, title, description, table,
            SvgChart.HorizontalBars("timeliness", title, description, ["Within the original deadline", "Within the deadline incl. extensions"], bars,
                stacked: false, unit: "%", target: target, targetLabel: $"Target {target}%", fixedMax: 100));
    }

    private async Task<Chart> OutcomesAsync(ChartRequest request, ReportAudience audience, CancellationToken ct)
    {
        var findings = await YearAsync(ReportKind.Findings, request, Grouping.ServiceArea, audience, ct);
        string[] keys = ["upheld", "partly_upheld", "not_upheld", "no_finding"];
        var table = Only(findings, keys);
        var rows = table.Rows.OrderByDescending(r => r.Cells.Sum(c => c.Suppressed ? 0 : c.Value)).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        table.Rows.Clear();
        table.Rows.AddRange(rows);
        var bars = rows.Select(r => new ChartBar(r.Label, keys.Select(k => Value(Cells.Of(table, k, r.Key))).ToList())).ToList();
        var title = $"Outcomes of complaints by service area, {findings.PeriodLabel}";
        var description = "For each service area, the complaints decided in the year: upheld, partly upheld, not upheld and no finding, largest first." + Suppressed(table);
        table.Title = title;
        return Chart(ChartKind.OutcomesByService, title, description, table,
            SvgChart.HorizontalBars("outcomes", title, description, table.Columns.Select(c => c.Label).ToList(), bars, stacked: true));
    }

    private async Task<Chart> OmbudsmanAsync(int year, int ombudsman, ReportAudience audience, CancellationToken ct)
    {
        var letter = await AnnualLetter.BuildAsync(db, tables, new AnnualLetterRequest { Year = year, Ombudsman = ombudsman }, audience, ct);
        // Our own records first, then the Ombudsman's figures for us, the average for our type, and each neighbour.
        var rows = new[] { letter.Total }.Concat(letter.Rows).ToList();
        string[] keys = ["upheld_rate", "compliance_rate", "satisfactory_remedy_rate"];
        var bars = rows.Select(r => new ChartBar(r.Label, keys.Select(k => Value(Cells.Of(letter, k, r.Key == "council" ? null : r.Key))).ToList())).ToList();
        var title = $"Ombudsman decisions against similar councils, {letter.PeriodLabel}";
        var description = "The annual letter's measures (% upheld, % compliance with recommendations, % satisfactory remedy by the council) for this council, the average for councils of the same type and each neighbour." + Suppressed(letter);
        letter.Title = title;
        return Chart(ChartKind.OmbudsmanAgainstSimilar, title, description, letter,
            SvgChart.HorizontalBars("ombudsman", title, description, keys.Select(k => letter.Columns.First(c => c.Key == k).Label).ToList(), bars,
                stacked: false, unit: "%", fixedMax: 100));
    }

    private Task<ReportTable> YearAsync(ReportKind kind, ChartRequest chart, Grouping grouping, ReportAudience audience, CancellationToken ct)
    {
        var request = DocumentTables.Request(kind, new V1.Period { Kind = Trends.YearKind(chart.YearKind, "year_kind").Kind, Year = chart.Year }, grouping, Basis.Resolved);
        request.Stream = chart.Stream;
        return tables.GetAsync(request, audience, ct);
    }

    /// <summary>A table of some of a table's columns, in the order given.</summary>
    public static ReportTable Only(ReportTable table, params string[] keys)
    {
        var indexes = keys.Select(k => table.Columns.ToList().FindIndex(c => c.Key == k)).Where(i => i >= 0).ToList();
        ReportRow Pick(ReportRow row) => new() { Key = row.Key, Label = row.Label, Cells = { indexes.Where(i => i < row.Cells.Count).Select(i => row.Cells[i].Clone()) } };
        var only = new ReportTable
        {
            Report = table.Report, Title = table.Title, PeriodLabel = table.PeriodLabel, Basis = table.Basis, Grouping = table.Grouping,
            SuppressionApplied = table.SuppressionApplied, AsOf = table.AsOf,
            Columns = { indexes.Select(i => table.Columns[i].Clone()) },
            Rows = { table.Rows.Select(Pick) },
        };
        if (table.Total is { } total)
        {
            only.Total = Pick(total);
        }
        return only;
    }

    private static Chart Chart(ChartKind kind, string title, string description, ReportTable table, string svg) =>
        new() { Kind = kind, Title = title, Description = description, Table = table, Svg = svg };

    private static double? Value(Cell? cell) => cell is null or { Suppressed: true } or { Empty: true } ? null : cell.Value;

    private static string Suppressed(ReportTable table) =>
        table.SuppressionApplied ? " Small numbers are suppressed to protect people's privacy and are not drawn." : "";
}
