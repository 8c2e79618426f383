using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary><c>&lt;govuk-input for="Email" label="Email address" type="email" autocomplete="email" /&gt;</c></summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInput : GovukField
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix: 20, 10, 5, 4, 3, 2, or "full" etc.</summary>
    public string? Width { get; set; }

    public bool Spellcheck { get; set; } = true;

    public string? Inputmode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder($"<div class=\"{GroupClass}\">");
        LabelFor(html);
        HintAndError(html);
        var classes = "govuk-input" + (Width is null ? "" : Width.All(char.IsDigit) ? $" govuk-input--width-{Width}" : $" govuk-!-width-{Width}")
            + (Error is null ? "" : " govuk-input--error");
        html.Append($"<input class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" type=\"{E(Type)}\" value=\"{E(For.Model?.ToString())}\"");
        html.Append(Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"");
        html.Append(Inputmode is null ? "" : $" inputmode=\"{E(Inputmode)}\"");
        html.Append(Spellcheck ? "" : " spellcheck=\"false\"");
        html.Append(DescribedBy()).Append("></div>");
        Write(output, html);
    }
}

/// <summary><c>&lt;govuk-textarea for="Description" label="What happened?" rows="8" /&gt;</c></summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextarea : GovukField
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder($"<div class=\"{GroupClass}\">");
        LabelFor(html);
        HintAndError(html);
        html.Append($"<textarea class=\"govuk-textarea{(Error is null ? "" : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"{DescribedBy()}>");
        html.Append(E(For.Model?.ToString())).Append("</textarea></div>");
        Write(output, html);
    }
}

/// <summary><c>&lt;govuk-select for="ServiceAreaId" label="Which service?" groups="Model.Services" /&gt;</c></summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelect : GovukField
{
    public IReadOnlyList<ChoiceGroup> Groups { get; set; } = [];

    /// <summary>The first, empty-valued option (e.g. "I don't know").</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = For.Model?.ToString() ?? "";
        var html = new StringBuilder($"<div class=\"{GroupClass}\">");
        LabelFor(html);
        HintAndError(html);
        html.Append($"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Name}\"{DescribedBy()}>");
        if (Placeholder is not null)
        {
            html.Append($"<option value=\"\">{E(Placeholder)}</option>");
        }
        foreach (var group in Groups)
        {
            html.Append($"<optgroup label=\"{E(group.Label)}\">");
            foreach (var c in group.Choices)
            {
                html.Append($"<option value=\"{E(c.Value)}\"{(c.Value == current ? " selected" : "")}>{E(c.Text)}</option>");
            }
            html.Append("</optgroup>");
        }
        html.Append("</select></div>");
        Write(output, html);
    }
}

/// <summary><c>&lt;govuk-file-upload for="Upload" label="Upload a file" accept=".pdf,.jpg" /&gt;</c></summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUpload : GovukField
{
    public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = new StringBuilder($"<div class=\"{GroupClass}\">");
        LabelFor(html);
        HintAndError(html);
        html.Append($"<input class=\"govuk-file-upload{(Error is null ? "" : " govuk-file-upload--error")}\" id=\"{Id}\" name=\"{Name}\" type=\"file\"");
        html.Append(Accept is null ? "" : $" accept=\"{E(Accept)}\"").Append(DescribedBy()).Append("></div>");
        Write(output, html);
    }
}
