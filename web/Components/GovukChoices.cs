using System.Collections;
using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary>Radios or checkboxes in a fieldset whose legend asks the question.</summary>
public abstract class GovukChoiceField : GovukField
{
    public IReadOnlyList<Choice> Items { get; set; } = [];

    public bool Inline { get; set; }

    /// <summary>Small radios or checkboxes with a small legend, as in an MOJ filter.</summary>
    public bool Small { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(string value);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder($"<div class=\"{GroupClass}\">");
        html.Append($"<fieldset class=\"govuk-fieldset\"{DescribedBy()}>");
        html.Append(IsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{(Small ? "s" : "m")}\">{E(Label)}</legend>");
        HintAndError(html);
        html.Append($"<div class=\"govuk-{Kind}{(Inline ? $" govuk-{Kind}--inline" : "")}{(Small ? $" govuk-{Kind}--small" : "")}\" data-module=\"govuk-{Kind}\">");
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var id = i == 0 ? Id : $"{Id}-{i + 1}";
            var type = Kind == "radios" ? "radio" : "checkbox";
            html.Append($"<div class=\"govuk-{Kind}__item\">");
            html.Append($"<input class=\"govuk-{Kind}__input\" id=\"{id}\" name=\"{Name}\" type=\"{type}\" value=\"{E(item.Value)}\"");
            html.Append(IsChecked(item.Value) ? " checked" : "").Append(item.Hint is null ? ">" : $" aria-describedby=\"{id}-item-hint\">");
            html.Append($"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{id}\">{E(item.Text)}</label>");
            if (item.Hint is not null)
            {
                html.Append($"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-{Kind}__hint\">{E(item.Hint)}</div>");
            }
            html.Append("</div>");
        }
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}

/// <summary><c>&lt;govuk-radios for="Kind" label="What would you like to do?" items="Model.Kinds" is-page-heading="true" /&gt;</c></summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadios : GovukChoiceField
{
    protected override string Kind => "radios";

    // A choice whose value is empty ("Any") is the one checked when nothing is chosen yet.
    protected override bool IsChecked(string value) => (For.Model?.ToString() ?? "") == value;
}

/// <summary><c>&lt;govuk-checkboxes for="Adjustments" label="..." items="Model.Choices" /&gt;</c> for a list of strings.</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxes : GovukChoiceField
{
    protected override string Kind => "checkboxes";

    protected override bool IsChecked(string value) =>
        For.Model is IEnumerable values and not string && values.Cast<object>().Any(v => v?.ToString() == value);
}

/// <summary>
/// <c>&lt;govuk-date-input for="HappenedOn" label="When did it happen?" /&gt;</c> for a <see cref="DateParts"/>:
/// day, month and year as typed, so nothing the person wrote is lost.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInput : GovukField
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        var html = new StringBuilder($"<div class=\"{GroupClass}\">");
        html.Append($"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy()}>");
        html.Append(IsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">{E(Label)}</legend>");
        HintAndError(html);
        // The day input carries the field's id, so the error summary's link lands on an input.
        html.Append($"<div class=\"govuk-date-input\" id=\"{Id}-date\">");
        foreach (var (part, text, width, value) in new[] { ("Day", "Day", 2, parts.Day), ("Month", "Month", 2, parts.Month), ("Year", "Year", 4, parts.Year) })
        {
            var id = part == "Day" ? Id : $"{Id}-{part.ToLowerInvariant()}";
            html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">");
            html.Append($"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{text}</label>");
            html.Append($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(Error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\">");
            html.Append("</div></div>");
        }
        html.Append("</div></fieldset></div>");
        Write(output, html);
    }
}

/// <summary>A date as the person typed it into a GOV.UK date input.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The numbers typed, whether or not they make a real date (the service decides that).</summary>
    public bool TryNumbers(out int year, out int month, out int day)
    {
        month = day = 0;
        return int.TryParse(Year?.Trim(), out year) & int.TryParse(Month?.Trim(), out month) & int.TryParse(Day?.Trim(), out day);
    }
}
