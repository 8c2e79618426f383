using System.Net;
using System.Text;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>Renders a message as a printable A4 letter (HTML with print styles) or as the HTML part of an email.</summary>
public static class Documents
{
    public const string HtmlMediaType = "text/html; charset=utf-8";

    public static string Letter(RenderedMessage message, string recipientName, IReadOnlyList<string> address,
        string? reference, DateOnly date, bool largePrint)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(message.Subject)).Append("</title><style>@page { size: A4; margin: 25mm 20mm; } ")
            .Append("body { font-family: Arial, sans-serif; font-size: ").Append(largePrint ? "18pt" : "12pt")
            .Append("; line-height: 1.5; } .address { margin-bottom: 2em; white-space: pre-line; } ")
            .Append(".meta { margin-bottom: 1.5em; }</style></head><body>");
        sb.Append("<div class=\"address\">").Append(E(recipientName));
        foreach (var line in address)
        {
            sb.Append('\n').Append(E(line));
        }
        sb.Append("</div><div class=\"meta\">").Append(E(date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))));
        if (reference is not null)
        {
            sb.Append("<br>Our reference: ").Append(E(reference));
        }
        sb.Append("</div>");
        Body(sb, message, recipientName);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    public static string EmailHtml(RenderedMessage message, string recipientName, bool largePrint)
    {
        var sb = new StringBuilder();
        sb.Append("<html><body style=\"font-family: Arial, sans-serif; font-size: ").Append(largePrint ? "18pt" : "12pt").Append("\">");
        Body(sb, message, recipientName);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    public static string EmailText(RenderedMessage message, string recipientName) =>
        $"Dear {recipientName},\n\n" + string.Join("\n\n", message.Paragraphs) + "\n\nYours sincerely,\nComplaints Team\n";

    private static void Body(StringBuilder sb, RenderedMessage message, string recipientName)
    {
        sb.Append("<h1 style=\"font-size: 1.2em\">").Append(E(message.Subject)).Append("</h1>");
        sb.Append("<p>Dear ").Append(E(recipientName)).Append(",</p>");
        foreach (var p in message.Paragraphs)
        {
            sb.Append("<p>").Append(E(p)).Append("</p>");
        }
        sb.Append("<p>Yours sincerely,<br>Complaints Team</p>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
