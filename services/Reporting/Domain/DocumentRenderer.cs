using System.Text;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>A document as Markdown, HTML or JSON: the same sections, sentences and tables in each.</summary>
public static class DocumentRenderer
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static (string Content, string ContentType, string Extension) Render(Document document, DocumentFormat format) => format switch
    {
        DocumentFormat.Html => (Html(document), "text/html; charset=utf-8", "html"),
        DocumentFormat.Json => (Json.Format(document), "application/json", "json"),
        _ => (Markdown(document), "text/markdown; charset=utf-8", "md"),
    };

    public static string Markdown(Document document)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(document.Title).Append("\n\n");
        md.Append(document.Council).Append(", ").Append(document.PeriodLabel).Append("\n\n");
        foreach (var section in document.Sections)
        {
            md.Append("## ").Append(section.Heading).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                md.Append(paragraph).Append("\n\n");
            }
            foreach (var table in section.Charts.Select(c => c.Table).Concat(section.Tables))
            {
                md.Append("### ").Append(table.Title).Append("\n\n");
                MdRow(md, ["Group", .. table.Columns.Select(c => c.Label)]);
                MdRow(md, Enumerable.Repeat("---", table.Columns.Count + 1));
                foreach (var row in Rows(table))
                {
                    MdRow(md, [row.Label, .. row.Cells.Select((c, i) => Cells.Format(c, table.Columns[i].Unit))]);
                }
                md.Append('\n');
            }
            if (section.SelfAssessment is { } register)
            {
                MdRow(md, ["Paragraph", "Provision", "Status", "Previous year", "Evidence", "Commentary"]);
                MdRow(md, Enumerable.Repeat("---", 6));
                foreach (var item in register.Items)
                {
                    MdRow(md, [item.Paragraph, item.Provision, Status(item.Status), Status(item.PreviousYearStatus), Evidence(item), item.Commentary]);
                }
                md.Append('\n');
            }
        }
        return md.ToString();
    }

    public static string Html(Document document) => DocumentHtml.Render(document);

    private static IEnumerable<ReportRow> Rows(ReportTable table) =>
        table.Rows.Concat(table.Total is { } total && !table.Rows.Any(r => r.Key == total.Key) ? [total] : []);

    public static string Status(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Complies => "Complies",
        ComplianceStatus.Partly => "Partly complies",
        ComplianceStatus.DoesNotComply => "Does not comply",
        _ => "Not assessed",
    };

    private static string Evidence(SelfAssessmentItem item) =>
        string.Join("; ", new[] { item.Evidence }.Concat(item.LiveEvidence).Where(e => e.Length > 0));

    private static void MdRow(StringBuilder md, IEnumerable<string> cells) =>
        md.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|").Replace("\n", " "))).Append(" |\n");
}
