using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ComplaintsPlatform.Web.Components;

/// <summary><c>&lt;govuk-back-link href="..." /&gt;</c></summary>
[HtmlTargetElement("govuk-back-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukBackLink : TagHelper
{
    public string Href { get; set; } = "/";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent($"<a href=\"{HtmlEncoder.Default.Encode(Href)}\" class=\"govuk-back-link\">Back</a>");
    }
}

/// <summary><c>&lt;govuk-button text="Continue" /&gt;</c>: submits its form; <c>secondary</c> / <c>warning</c> for the other styles.</summary>
[HtmlTargetElement("govuk-button", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukButton : TagHelper
{
    public string Text { get; set; } = "Continue";

    public bool Secondary { get; set; }

    public bool Warning { get; set; }

    /// <summary>A link styled as a button (a start button when <see cref="Start"/>).</summary>
    public string? Href { get; set; }

    public bool Start { get; set; }

    public string? Name { get; set; }

    public string? Value { get; set; }

    /// <summary>Where this button submits its form instead of the form's action (e.g. "?handler=Save").</summary>
    public string? FormAction { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");
        output.TagName = null;
        var classes = "govuk-button" + (Secondary ? " govuk-button--secondary" : "") + (Warning ? " govuk-button--warning" : "") + (Start ? " govuk-button--start" : "");
        var arrow = Start
            ? "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\"><path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>"
            : "";
        output.Content.SetHtmlContent(Href is not null
            ? $"<a href=\"{E(Href)}\" role=\"button\" draggable=\"false\" class=\"{classes}\" data-module=\"govuk-button\">{E(Text)}{arrow}</a>"
            : $"<button type=\"submit\" class=\"{classes}\" data-module=\"govuk-button\" data-prevent-double-click=\"true\"" +
              (Name is null ? "" : $" name=\"{E(Name)}\" value=\"{E(Value)}\"") + (FormAction is null ? "" : $" formaction=\"{E(FormAction)}\"") + $">{E(Text)}</button>");
    }
}

/// <summary><c>&lt;govuk-panel title="Complaint received"&gt;body&lt;/govuk-panel&gt;</c>: a confirmation panel.</summary>
[HtmlTargetElement("govuk-panel")]
public sealed class GovukPanel : TagHelper
{
    public string Title { get; set; } = "";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "govuk-panel govuk-panel--confirmation");
        output.Content.SetHtmlContent($"<h1 class=\"govuk-panel__title\">{HtmlEncoder.Default.Encode(Title)}</h1><div class=\"govuk-panel__body\">{body}</div>");
    }
}

/// <summary><c>&lt;govuk-warning-text&gt;text&lt;/govuk-warning-text&gt;</c></summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovukWarningText : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "govuk-warning-text");
        output.Content.SetHtmlContent($"<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span> {body}</strong>");
    }
}

/// <summary><c>&lt;govuk-notification-banner title="Important" success="true"&gt;content&lt;/govuk-notification-banner&gt;</c></summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovukNotificationBanner : TagHelper
{
    public string Title { get; set; } = "Important";

    public bool Success { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = (await output.GetChildContentAsync()).GetContent();
        var id = "notification-banner-title-" + context.UniqueId;
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "govuk-notification-banner" + (Success ? " govuk-notification-banner--success" : ""));
        output.Attributes.SetAttribute("role", Success ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", id);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        output.Content.SetHtmlContent($"<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"{id}\">{HtmlEncoder.Default.Encode(Title)}</h2></div><div class=\"govuk-notification-banner__content\">{body}</div>");
    }
}

/// <summary><c>&lt;govuk-tag text="Received" colour="blue" /&gt;</c></summary>
[HtmlTargetElement("govuk-tag", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTag : TagHelper
{
    public string Text { get; set; } = "";

    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent($"<strong class=\"govuk-tag{(Colour is null ? "" : $" govuk-tag--{Colour}")}\">{HtmlEncoder.Default.Encode(Text)}</strong>");
    }
}
