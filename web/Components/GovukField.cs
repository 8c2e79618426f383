using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary>
/// What every GOV.UK form field shares: a bound property, its label or legend, hint and inline error,
/// and the form group around them, in GOV.UK Frontend's markup.
/// </summary>
public abstract class GovukField : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>The label or legend is the page's heading (one question per page).</summary>
    public bool IsPageHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;

    protected string Id => FieldIds.For(For.Name);

    protected string? Error => ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0
        ? entry.Errors[0].ErrorMessage
        : null;

    protected static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string DescribedBy(params string?[] extra)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add($"{Id}-hint");
        }
        if (Error is not null)
        {
            ids.Add($"{Id}-error");
        }
        ids.AddRange(extra.Where(e => e is not null)!);
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected void HintAndError(StringBuilder html)
    {
        if (Hint is not null)
        {
            html.Append($"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>");
        }
        if (Error is not null)
        {
            html.Append($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(Error)}</p>");
        }
    }

    protected void LabelFor(StringBuilder html)
    {
        var label = $"<label class=\"govuk-label{(IsPageHeading ? " govuk-label--l" : "")}\" for=\"{Id}\">{E(Label)}</label>";
        html.Append(IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
    }

    protected string GroupClass => Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    protected void Write(TagHelperOutput output, StringBuilder html)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>The one rule for an input's id, shared with the error summary's links.</summary>
public static class FieldIds
{
    public static string For(string modelKey) => modelKey.Replace('.', '-').Replace('[', '-').Replace("]", "");
}

/// <summary>An option of radios, checkboxes or a select.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>Options under a heading (a select's optgroup).</summary>
public sealed record ChoiceGroup(string Label, IReadOnlyList<Choice> Choices);
