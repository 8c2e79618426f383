using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// Trends, the annual letter, the self-assessment and the documents. Every read goes through
/// <see cref="Audience"/> and the report tables, so access and suppression are theirs.
/// </summary>
public sealed partial class ReportingDocumentsService(
    ReportingDbContext db, DocumentTables tables, SelfAssessmentRegister register, DocumentBuilder documents, ChartBuilder charts, DocumentPrinter printer, TimeProvider clock)
    : ReportingDocuments.ReportingDocumentsBase
{
    // Anonymous at the door so an x-api-key can be checked here; Audience refuses everyone else.
    [AllowAnonymous]
    public override async Task<ReportTable> GetTrend(TrendRequest request, ServerCallContext context) =>
        await Trends.BuildAsync(tables, request, await AudienceAsync(context), context.CancellationToken);

    [AllowAnonymous]
    public override async Task<CsvExport> ExportTrendCsv(TrendRequest request, ServerCallContext context)
    {
        var table = await Trends.BuildAsync(tables, request, await AudienceAsync(context), context.CancellationToken);
        return Export($"trend-{request.Report.ToString().ToLowerInvariant()}-{request.ToYear}", table);
    }

    [AllowAnonymous]
    public override async Task<ReportTable> GetAnnualLetter(AnnualLetterRequest request, ServerCallContext context) =>
        await AnnualLetter.BuildAsync(db, tables, request, await AudienceAsync(context), context.CancellationToken);

    [AllowAnonymous]
    public override async Task<CsvExport> ExportAnnualLetterCsv(AnnualLetterRequest request, ServerCallContext context)
    {
        var table = await AnnualLetter.BuildAsync(db, tables, request, await AudienceAsync(context), context.CancellationToken);
        return Export($"annual-letter-{request.Year}", table);
    }

    [AllowAnonymous]
    public override async Task<Chart> GetChart(ChartRequest request, ServerCallContext context) =>
        await charts.BuildAsync(request, await AudienceAsync(context), context.CancellationToken);

    private Task<ReportAudience> AudienceAsync(ServerCallContext context) => Audience.ResolveAsync(context, db, context.CancellationToken);

    private static CsvExport Export(string name, ReportTable table) => new()
    {
        FileName = name + ".csv",
        ContentType = "text/csv",
        Csv = Csv.Write(table),
    };
}
