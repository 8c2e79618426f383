using System.Text;
using System.Text.RegularExpressions;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>The documents as committee papers: A4 print layout, tables that fit the page, the charts inside, and the PDF.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class DocumentPdfTests(DocumentsFixture fixture)
{
    private static readonly Period Year2025 = new() { Kind = PeriodKind.FinancialYear, Year = 2025 };

    private Task<RenderedDocument> Get(DocumentKind kind, DocumentFormat format, string role = "complaints_team") =>
        fixture.Documents(role).GetDocumentAsync(new DocumentRequest { Kind = kind, Format = format, Period = Year2025 }).ResponseAsync;

    [Fact]
    public async Task The_annual_report_prints_on_A4_with_page_numbers_and_no_table_wider_than_the_page()
    {
        var html = (await Get(DocumentKind.AnnualReport, DocumentFormat.Html)).Content;
        Assert.Contains("@page { size: A4;", html);
        Assert.Contains("content: \"Page \" counter(page) \" of \" counter(pages)", html);
        Assert.Contains("table-layout: fixed", html);
        foreach (Match table in Regex.Matches(html, "<table class=\"figures\">.*?</table>", RegexOptions.Singleline))
        {
            var header = Regex.Match(table.Value, "<thead><tr>(.*?)</tr></thead>", RegexOptions.Singleline).Groups[1].Value;
            Assert.InRange(Regex.Matches(header, "<th ").Count, 2, DocumentHtml.MaxColumns + 1);
        }
        // The contacts table (a column per kind and triage decision) is turned on its side: a row per measure.
        var contacts = Regex.Match(html, "<caption>Contacts by kind and triage decision</caption>.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<th scope=\"row\">Received</th>", contacts);
        Assert.Contains("<th scope=\"row\">Triaged: ", contacts);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task The_annual_reports_sections_carry_the_four_charts_each_with_its_figures()
    {
        var rendered = await Get(DocumentKind.AnnualReport, DocumentFormat.Html);
        var charts = rendered.Document.Sections.SelectMany(s => s.Charts.Select(c => (s.Key, c.Kind))).ToList();
        Assert.Equal([("stages", ChartKind.VolumesByStreamAndStage), ("outcomes", ChartKind.Timeliness), ("outcomes", ChartKind.OutcomesByService), ("ombudsman", ChartKind.OmbudsmanAgainstSimilar)], charts);
        foreach (var chart in rendered.Document.Sections.SelectMany(s => s.Charts))
        {
            Assert.Contains(chart.Svg, rendered.Content);
            Assert.Contains("Figures: " + System.Net.WebUtility.HtmlEncode(chart.Title), rendered.Content);
        }
        // The Code's report: timeliness and outcomes of the corporate stream only.
        var outcomes = rendered.Document.Sections.Single(s => s.Key == "outcomes").Charts.Single(c => c.Kind == ChartKind.OutcomesByService);
        Assert.Equal(fixture.Year.Total(ReportKind.Findings, "upheld", Basis.Resolved, 2025, stream: "Corporate"), (long)outcomes.Table.Rows.Sum(r => r.Cells[0].Value));
    }

    [Fact]
    public async Task Scrutiny_gets_the_annual_report_with_its_charts_from_the_public_view()
    {
        var document = (await Get(DocumentKind.AnnualReport, DocumentFormat.Html, "scrutiny")).Document;
        var charts = document.Sections.SelectMany(s => s.Charts).ToList();
        Assert.Equal(4, charts.Count);
        Assert.All(charts, c => Assert.True(c.Table.SuppressionApplied));
    }

    [Fact]
    public async Task The_PDF_is_the_HTML_document_printed_by_Chromium_on_several_A4_pages()
    {
        var pdf = await Get(DocumentKind.AnnualReport, DocumentFormat.Pdf);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("annualreport-2025-26.pdf", pdf.FileName);
        Assert.Equal("", pdf.Content);
        var bytes = pdf.Data.ToByteArray();
        // DOCUMENTS_DIR keeps the printed paper to look at.
        if (Environment.GetEnvironmentVariable("DOCUMENTS_DIR") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, pdf.FileName), bytes);
            await File.WriteAllTextAsync(Path.Combine(folder, "annual-report.html"), (await Get(DocumentKind.AnnualReport, DocumentFormat.Html)).Content);
        }
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var text = Encoding.Latin1.GetString(bytes);
        // A4 is 595 x 842 points; the contents page breaks before the first section, so there are several pages.
        Assert.Matches(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", text);
        // "/Type /Pages" is the page tree; each "/Type /Page" without the s is one page.
        Assert.True(Regex.Matches(text, @"/Type /Page[^s]").Count >= 3, "pages: " + Regex.Matches(text, @"/Type /Page[^s]").Count);
    }
}
