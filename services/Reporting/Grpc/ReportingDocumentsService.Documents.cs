using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintsPlatform.Reporting.Grpc;

public sealed partial class ReportingDocumentsService
{
    [AllowAnonymous]
    public override async Task<RenderedDocument> GetDocument(DocumentRequest request, ServerCallContext context)
    {
        var audience = await AudienceAsync(context);
        if (request.Kind == DocumentKind.DepartmentalQuarterly)
        {
            audience = Departmental(audience, request.DirectorateId);
        }
        var document = await documents.BuildAsync(request, audience, context.CancellationToken);
        var name = $"{request.Kind.ToString().ToLowerInvariant()}-{document.PeriodLabel.Replace('/', '-').Replace(' ', '-')}";
        if (request.Format == DocumentFormat.Pdf)
        {
            // The PDF is the HTML document printed, so the two never differ.
            var pdf = await printer.PrintAsync(DocumentRenderer.Html(document), context.CancellationToken);
            return new RenderedDocument { FileName = name + ".pdf", ContentType = "application/pdf", Data = Google.Protobuf.ByteString.CopyFrom(pdf), Document = document };
        }
        var (content, contentType, extension) = DocumentRenderer.Render(document, request.Format);
        return new RenderedDocument
        {
            FileName = $"{name}.{extension}",
            ContentType = contentType,
            Content = content,
            Document = document,
        };
    }

    /// <summary>A service lead gets their own directorate; the complaints team names one; scrutiny gets none.</summary>
    private static ReportAudience Departmental(ReportAudience audience, string directorateId)
    {
        if (audience.Public)
        {
            throw new AccessDeniedException("The departmental report is for the complaints team and the directorate's service lead.");
        }
        if (audience.Directorate is { } own)
        {
            return directorateId.Length == 0 || directorateId == own ? audience
                : throw new AccessDeniedException("A service lead sees their own directorate's report only.");
        }
        return directorateId.Length > 0 ? audience with { Directorate = directorateId }
            : throw new ValidationException([new("directorate_id", "Name the directorate.")]);
    }
}
