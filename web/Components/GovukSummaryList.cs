using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary>A row of a summary list: the question, the answer (lines) and where to change it.</summary>
public sealed record SummaryRow(string Key, IReadOnlyList<string> Lines, string? ChangeHref = null, string? ChangeWhat = null)
{
    public SummaryRow(string key, string? value, string? changeHref = null, string? changeWhat = null)
        : this(key, string.IsNullOrWhiteSpace(value) ? [] : [value], changeHref, changeWhat)
    {
    }
}

/// <summary><c>&lt;govuk-summary-list rows="Model.Rows" /&gt;</c>; an empty answer shows "Not given".</summary>
[HtmlTargetElement("govuk-summary-list", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSummaryList : TagHelper
{
    public IReadOnlyList<SummaryRow> Rows { get; set; } = [];

    public string? TestId { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");
        output.TagName = null;
        var html = new StringBuilder($"<dl class=\"govuk-summary-list\"{(TestId is null ? "" : $" data-testid=\"{E(TestId)}\"")}>");
        foreach (var row in Rows)
        {
            var withActions = row.ChangeHref is not null;
            html.Append($"<div class=\"govuk-summary-list__row{(withActions ? "" : " govuk-summary-list__row--no-actions")}\">");
            html.Append($"<dt class=\"govuk-summary-list__key\">{E(row.Key)}</dt><dd class=\"govuk-summary-list__value\">");
            html.Append(row.Lines.Count switch
            {
                0 => "Not given",
                1 => E(row.Lines[0]),
                _ => string.Join("", row.Lines.Select(l => $"<p class=\"govuk-body\">{E(l)}</p>")),
            });
            html.Append("</dd>");
            if (withActions)
            {
                html.Append($"<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"{E(row.ChangeHref)}\">Change<span class=\"govuk-visually-hidden\"> {E(row.ChangeWhat ?? row.Key.ToLowerInvariant())}</span></a></dd>");
            }
            html.Append("</div>");
        }
        html.Append("</dl>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
