using System.Text;
using System.Text.RegularExpressions;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>
/// One document as Reporting built it: the HTML paper itself (its own print styles, allowed by their
/// hash and nothing else), or the PDF Reporting printed from that same HTML.
/// </summary>
public sealed partial class DocumentModel(StaffTokens tokens, StaffDirectory directory, ReportingDocuments.ReportingDocumentsClient documents)
    : ReportsPage(tokens, directory)
{
    public async Task<IActionResult> OnGetAsync(string kind, string format, string? year, string? quarter, string? directorate)
    {
        var document = ReportText.Documents.FirstOrDefault(d => d.Slug == kind);
        if (document.Slug is null || format is not ("html" or "pdf"))
        {
            return NotFound();
        }
        var quarterly = document.Kind == DocumentKind.DepartmentalQuarterly;
        if (!int.TryParse(year, out var y) || (quarterly && !int.TryParse(quarter, out _)))
        {
            return Redirect(Links.Staff.Reports.Documents);
        }
        var request = new DocumentRequest
        {
            Kind = document.Kind,
            Format = format == "pdf" ? DocumentFormat.Pdf : DocumentFormat.Html,
            Period = quarterly
                ? new Period { Kind = PeriodKind.Quarter, Year = y, Number = int.Parse(quarter!) }
                : new Period { Kind = PeriodKind.FinancialYear, Year = y },
            DirectorateId = quarterly ? directorate ?? "" : "",
        };
        RenderedDocument rendered;
        try
        {
            rendered = await documents.GetDocumentAsync(request, Call);
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.InvalidArgument or Grpc.Core.StatusCode.FailedPrecondition)
        {
            return Refuse("This document cannot be made", ServiceErrors.Violations(ex) is { Count: > 0 } v ? string.Join(" ", v.Select(x => x.Description)) : ex.Status.Detail);
        }
        if (request.Format == DocumentFormat.Pdf)
        {
            return Download(rendered.FileName, "application/pdf", rendered.Data.ToByteArray());
        }
        if (StyleElement().Match(rendered.Content) is { Success: true } style)
        {
            HttpContext.AllowInlineStyle(style.Groups[1].Value);
        }
        return Content(rendered.Content, "text/html; charset=utf-8", Encoding.UTF8);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
