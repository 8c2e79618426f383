using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary>
/// <c>&lt;govuk-error-summary order="Model.FieldOrder" /&gt;</c>: every error of the page's model state,
/// each linking to its input, in the page's order; nothing when there is none. Errors that belong to
/// no input (key "") are listed without a link.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummary : TagHelper
{
    public IReadOnlyList<string> Fields { get; set; } = [];

    /// <summary>Where an error's link goes when its input is on another page (check answers).</summary>
    public IReadOnlyDictionary<string, string>? Hrefs { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value!.Errors.Count > 0)
            .OrderBy(e => Fields.Contains(e.Key) ? Fields.ToList().IndexOf(e.Key) : int.MaxValue)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        var html = new StringBuilder("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">");
        html.Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, entry) in errors)
        {
            foreach (var error in entry!.Errors)
            {
                var text = HtmlEncoder.Default.Encode(error.ErrorMessage);
                var href = Hrefs?.GetValueOrDefault(key) ?? (key.Length > 0 ? "#" + FieldIds.For(key) : null);
                html.Append(href is null ? $"<li>{text}</li>" : $"<li><a href=\"{HtmlEncoder.Default.Encode(href)}\">{text}</a></li>");
            }
        }
        html.Append("</ul></div></div></div>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
