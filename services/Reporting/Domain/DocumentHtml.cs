using System.Globalization;
using System.Net;
using System.Text;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// A document as the committee paper it becomes: the council's name and the paper's title at the
/// head, numbered sections and paragraphs, the charts with their figures, and an A4 print layout
/// with page numbers. Tables are never wider than the page: a wide table of few rows is turned on
/// its side, and any other wide table is split into parts that each repeat the row labels.
/// </summary>
public static class DocumentHtml
{
    /// <summary>The most figure columns a table prints side by side on A4 portrait.</summary>
    public const int MaxColumns = 6;

    public static string Render(Document document)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(document.Title)).Append(" – ").Append(E(document.Council)).Append("</title>\n<style>")
            .Append(Styles(document)).Append("</style></head>\n<body>\n<article class=\"paper\">\n");
        html.Append("<header class=\"paper__head\"><p class=\"paper__council\">").Append(E(document.Council)).Append("</p>")
            .Append("<h1>").Append(E(document.Title)).Append("</h1>")
            .Append("<dl class=\"paper__facts\"><dt>Period</dt><dd>").Append(E(document.PeriodLabel)).Append("</dd>")
            .Append("<dt>Figures as at</dt><dd>").Append(E(document.AsOf?.ToDateTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "")).Append("</dd>")
            .Append("<dt>Status</dt><dd>").Append(document.SuppressionApplied ? "Public: small numbers suppressed" : "Not for publication: unsuppressed figures").Append("</dd></dl></header>\n");

        html.Append("<nav class=\"paper__contents\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
        foreach (var section in document.Sections)
        {
            html.Append("<li><a href=\"#").Append(E(section.Key)).Append("\">").Append(E(section.Heading)).Append("</a></li>");
        }
        html.Append("</ol></nav>\n");

        var number = 0;
        foreach (var section in document.Sections)
        {
            number++;
            html.Append("<section id=\"").Append(E(section.Key)).Append("\"><h2><span class=\"paper__number\">").Append(number).Append(".</span> ")
                .Append(E(section.Heading)).Append("</h2>\n");
            var paragraph = 0;
            foreach (var text in section.Paragraphs)
            {
                paragraph++;
                html.Append("<p class=\"paper__para\"><span class=\"paper__number\">").Append(number).Append('.').Append(paragraph).Append("</span> ").Append(E(text)).Append("</p>\n");
            }
            foreach (var chart in section.Charts)
            {
                html.Append("<figure class=\"chart\"><div class=\"chart__image\">").Append(chart.Svg).Append("</div>")
                    .Append("<figcaption>").Append(E(chart.Description)).Append("</figcaption>\n");
                Table(html, chart.Table, "Figures: " + chart.Title);
                html.Append("</figure>\n");
            }
            foreach (var table in section.Tables)
            {
                Table(html, table, table.Title);
            }
            if (section.SelfAssessment is { } register)
            {
                SelfAssessmentTable(html, register);
            }
            html.Append("</section>\n");
        }
        return html.Append("</article>\n</body></html>\n").ToString();
    }

    /// <summary>A report table fitted to the page: turned on its side, or split into parts of at most <see cref="MaxColumns"/> figures.</summary>
    public static void Table(StringBuilder html, ReportTable table, string caption)
    {
        var rows = table.Rows.Concat(table.Total is { } total && !table.Rows.Any(r => r.Key == total.Key) ? [total] : []).ToList();
        var marks = rows.SelectMany(r => r.Cells).Aggregate((suppressed: false, empty: false), (m, c) => (m.suppressed || c.Suppressed, m.empty || c.Empty));
        if (table.Columns.Count > MaxColumns && rows.Count <= MaxColumns)
        {
            // Few rows, many measures: one row per measure.
            html.Append("<table class=\"figures\"><caption>").Append(E(caption)).Append("</caption><thead><tr><th scope=\"col\">Measure</th>");
            html.AppendJoin("", rows.Select(r => "<th scope=\"col\" class=\"num\">" + E(r.Label) + "</th>")).Append("</tr></thead><tbody>\n");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                html.Append("<tr><th scope=\"row\">").Append(E(column.Label)).Append("</th>");
                html.AppendJoin("", rows.Select(r => "<td class=\"num\">" + E(Short(c < r.Cells.Count ? r.Cells[c] : null, column.Unit)) + "</td>")).Append("</tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        else
        {
            var parts = (table.Columns.Count + MaxColumns - 1) / MaxColumns;
            for (var part = 0; part < Math.Max(1, parts); part++)
            {
                var columns = Enumerable.Range(part * MaxColumns, Math.Min(MaxColumns, table.Columns.Count - part * MaxColumns)).ToList();
                html.Append("<table class=\"figures\"><caption>").Append(E(caption))
                    .Append(parts > 1 ? $" (part {part + 1} of {parts})" : "").Append("</caption><thead><tr><th scope=\"col\">")
                    .Append(E(GroupLabel(table.Grouping))).Append("</th>");
                html.AppendJoin("", columns.Select(c => "<th scope=\"col\" class=\"num\">" + E(table.Columns[c].Label) + "</th>")).Append("</tr></thead><tbody>\n");
                foreach (var row in rows)
                {
                    html.Append(row == table.Total ? "<tr class=\"total\">" : "<tr>").Append("<th scope=\"row\">").Append(E(row.Label)).Append("</th>");
                    html.AppendJoin("", columns.Select(c => "<td class=\"num\">" + E(Short(c < row.Cells.Count ? row.Cells[c] : null, table.Columns[c].Unit)) + "</td>")).Append("</tr>\n");
                }
                html.Append("</tbody></table>\n");
            }
        }
        if (marks.suppressed || marks.empty)
        {
            html.Append("<p class=\"figures__note\">")
                .Append(marks.suppressed ? "[c] a small number, suppressed to protect people's privacy. " : "")
                .Append(marks.empty ? "[x] not applicable (nothing to measure)." : "").Append("</p>\n");
        }
    }

    /// <summary>A cell as a table prints it: the statistical marks [c] (suppressed) and [x] (not applicable) instead of words.</summary>
    public static string Short(Cell? cell, Unit unit) => cell switch
    {
        { Suppressed: true } => "[c]",
        { Empty: true } => "[x]",
        _ => Cells.Format(cell, unit),
    };

    private static void SelfAssessmentTable(StringBuilder html, SelfAssessment register)
    {
        html.Append("<table class=\"figures register\"><caption>Self-assessment against the Code, ").Append(register.Year)
            .Append("</caption><colgroup><col class=\"register__para\"><col class=\"register__provision\"><col class=\"register__status\"><col class=\"register__status\"><col class=\"register__text\"><col class=\"register__text\"></colgroup>")
            .Append("<thead><tr><th scope=\"col\">Paragraph</th><th scope=\"col\">Provision</th><th scope=\"col\">Status</th><th scope=\"col\">Previous year</th><th scope=\"col\">Evidence</th><th scope=\"col\">Commentary</th></tr></thead><tbody>\n");
        foreach (var item in register.Items)
        {
            var evidence = string.Join("; ", new[] { item.Evidence }.Concat(item.LiveEvidence).Where(e => e.Length > 0));
            html.Append("<tr><th scope=\"row\">").Append(E(item.Paragraph)).Append("</th>")
                .AppendJoin("", new[] { item.Provision, DocumentRenderer.Status(item.Status), DocumentRenderer.Status(item.PreviousYearStatus), evidence, item.Commentary }
                    .Select(t => "<td>" + E(t) + "</td>")).Append("</tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    private static string GroupLabel(Grouping grouping) => grouping switch
    {
        Grouping.Directorate => "Directorate",
        Grouping.ServiceArea => "Service area",
        Grouping.Team => "Team",
        Grouping.Stream => "Stream",
        Grouping.Stage => "Stage",
        Grouping.Channel => "Channel",
        _ => "",
    };

    // The page's running header and footer are the paper's own (Chromium prints CSS page margin boxes).
    private static string Styles(Document document) => $$"""
        @page { size: A4; margin: 22mm 18mm 20mm 18mm;
          @top-left { content: "{{Css(document.Council)}}"; font: 8pt Arial, sans-serif; color: #505a5f; }
          @top-right { content: "{{Css(document.Title)}}"; font: 8pt Arial, sans-serif; color: #505a5f; }
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #0b0c0c; } }
        html { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; background: #f3f2f1; }
        body { margin: 0; font-size: 11pt; line-height: 1.4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .paper { max-width: 174mm; margin: 24px auto; padding: 18mm; background: #fff; box-shadow: 0 0 0 1px #b1b4b6; }
        .paper__head { border-top: 8px solid #1d70b8; padding-top: 6mm; margin-bottom: 8mm; }
        .paper__council { font-size: 13pt; font-weight: bold; margin: 0 0 2mm; letter-spacing: .02em; }
        h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 5mm; }
        h2 { font-size: 14pt; margin: 8mm 0 3mm; border-bottom: 1px solid #b1b4b6; padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
        .paper__facts { display: grid; grid-template-columns: 40mm 1fr; gap: 1mm 4mm; margin: 0; font-size: 10pt; }
        .paper__facts dt { font-weight: bold; } .paper__facts dd { margin: 0; }
        .paper__contents { border: 1px solid #b1b4b6; padding: 2mm 6mm 3mm; margin-bottom: 6mm; break-after: page; page-break-after: always; }
        .paper__contents h2 { border: 0; margin-top: 2mm; }
        .paper__contents li { margin: 0 0 1.5mm; } .paper__contents a { display: inline-block; min-height: 24px; line-height: 24px; }
        a { color: #1d70b8; }
        .paper__para { margin: 0 0 3mm; } .paper__number { font-weight: bold; display: inline-block; min-width: 9mm; }
        table.figures { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 3mm 0 5mm; font-size: 9pt; }
        table.figures caption { text-align: left; font-weight: bold; font-size: 10pt; padding-bottom: 1.5mm; caption-side: top; }
        table.figures th, table.figures td { border-bottom: 1px solid #b1b4b6; padding: 1.2mm 1.5mm; vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: auto; }
        table.figures thead th { border-bottom: 2px solid #0b0c0c; text-align: left; background: #f3f2f1; font-size: 8pt; }
        table.figures thead { display: table-header-group; }
        table.figures tr { break-inside: avoid; page-break-inside: avoid; }
        table.figures th[scope=row] { text-align: left; font-weight: bold; }
        table.figures:not(.register) thead th:first-child { width: 34%; }
        table.figures .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.figures thead th.num { text-align: right; }
        table.figures tr.total th, table.figures tr.total td { border-top: 2px solid #0b0c0c; font-weight: bold; }
        .figures__note { font-size: 8.5pt; color: #505a5f; margin: -3mm 0 5mm; }
        .register col.register__para { width: 9%; } .register col.register__provision { width: 27%; }
        .register col.register__status { width: 11%; } .register col.register__text { width: 21%; }
        .register th[scope=row] { width: auto; }
        figure.chart { margin: 4mm 0 6mm; break-inside: avoid; page-break-inside: avoid; }
        .chart__image svg { display: block; max-width: 100%; height: auto; }
        figure.chart figcaption { font-size: 9pt; color: #505a5f; margin: 1mm 0 2mm; }
        @media print {
          html { background: #fff; }
          .paper { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    private static string Css(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("<", "\\3c ");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
