using System.Text;
using System.Text.Encodings.Web;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary>
/// <c>&lt;app-report-table table="Model.Table" test-id="report" /&gt;</c>: a Reporting table as a GOV.UK
/// table, figures right-aligned, the council total last, and the meaning of [c] and [x] under it when used.
/// Wide tables scroll inside their own region rather than past the page.
/// </summary>
[HtmlTargetElement("app-report-table", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ReportTableTagHelper : TagHelper
{
    public ReportTable? Table { get; set; }

    public string? Caption { get; set; }

    public string? TestId { get; set; }

    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (Table is not { } table)
        {
            output.SuppressOutput();
            return;
        }
        output.Content.SetHtmlContent(Render(table, Caption, TestId, Small, context.UniqueId));
    }

    public static string Render(ReportTable table, string? caption, string? testId, bool small, string uniqueId)
    {
        var (Caption, TestId, Small) = (caption, testId, small);
        static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");
        var rows = table.Rows.Concat(table.Total is { } total && !table.Rows.Any(r => r.Key == total.Key) ? [total] : []).ToList();
        var captionId = "table-" + uniqueId;
        var html = new StringBuilder($"<div class=\"app-table-scroll\" role=\"region\" aria-labelledby=\"{captionId}\" tabindex=\"0\">");
        html.Append($"<table class=\"govuk-table{(Small ? " app-table--small" : "")}\"{(TestId is null ? "" : $" data-testid=\"{E(TestId)}\"")}>");
        html.Append($"<caption class=\"govuk-table__caption govuk-table__caption--s\" id=\"{captionId}\">{E(Caption ?? table.Title)}");
        html.Append(table.PeriodLabel.Length > 0 && Caption is null ? $", {E(table.PeriodLabel)}" : "").Append("</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">")
            .Append(E(Group(table.Grouping))).Append("</th>");
        foreach (var column in table.Columns)
        {
            html.Append($"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{E(column.Label)}</th>");
        }
        html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in rows)
        {
            html.Append($"<tr class=\"govuk-table__row{(row == table.Total ? " app-table__total" : "")}\"><th scope=\"row\" class=\"govuk-table__header\">{E(row.Label)}</th>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                html.Append($"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{E(ReportText.Cell(c < row.Cells.Count ? row.Cells[c] : null, table.Columns[c].Unit))}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
        var cells = rows.SelectMany(r => r.Cells).ToList();
        if (cells.Any(c => c.Suppressed) || cells.Any(c => c.Empty))
        {
            html.Append("<p class=\"govuk-body-s\">")
                .Append(cells.Any(c => c.Suppressed) ? "[c] a small number, suppressed to protect people's privacy. " : "")
                .Append(cells.Any(c => c.Empty) ? "[x] not applicable (nothing to measure)." : "").Append("</p>");
        }
        return html.ToString();
    }

    private static string Group(Grouping grouping) => grouping switch
    {
        Grouping.Directorate => "Directorate",
        Grouping.ServiceArea => "Service area",
        Grouping.Team => "Team",
        Grouping.Stream => "Stream",
        Grouping.Stage => "Stage",
        Grouping.Channel => "Channel",
        _ => "Council",
    };
}

/// <summary>
/// <c>&lt;app-chart chart="Model.Volumes" /&gt;</c>: a chart Reporting drew (SVG, no script) with the
/// table of its figures beside it.
/// </summary>
[HtmlTargetElement("app-chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChartTagHelper : TagHelper
{
    public Chart? Chart { get; set; }

    public string? TestId { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Chart is not { } chart)
        {
            output.SuppressOutput();
            return;
        }
        static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");
        var figures = ReportTableTagHelper.Render(chart.Table, "Figures: " + chart.Title, null, true, context.UniqueId);
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "app-chart");
        if (TestId is not null)
        {
            output.Attributes.SetAttribute("data-testid", TestId);
        }
        // The SVG is Reporting's own drawing (no script, attributes only), so it is written as it came.
        output.Content.SetHtmlContent(
            $"<h2 class=\"govuk-heading-m\">{E(chart.Title)}</h2><div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\"><div class=\"app-chart__image\">{chart.Svg}</div>" +
            $"<p class=\"govuk-body-s app-chart__description\">{E(chart.Description)}</p></div><div class=\"govuk-grid-column-one-half\">{figures}</div></div>");
    }
}
