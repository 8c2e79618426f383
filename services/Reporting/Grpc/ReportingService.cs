using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>Reports (any reader, see <see cref="Audience"/>); the admin RPCs are in the other part of this class.</summary>
public sealed partial class ReportingService(ReportingDbContext db, ReportBuilder builder, ReportCache cache) : V1.Reporting.ReportingBase
{
    // Anonymous at the door so an x-api-key can be checked here; Audience refuses everyone else.
    [AllowAnonymous]
    public override async Task<ReportTable> GetReport(ReportRequest request, ServerCallContext context)
    {
        var audience = await Audience.ResolveAsync(context, db, context.CancellationToken);
        return await CachedAsync(request, audience, context.CancellationToken);
    }

    [AllowAnonymous]
    public override async Task<CsvExport> ExportCsv(ReportRequest request, ServerCallContext context)
    {
        var audience = await Audience.ResolveAsync(context, db, context.CancellationToken);
        var table = await CachedAsync(request, audience, context.CancellationToken);
        return new CsvExport
        {
            FileName = $"{request.Report.ToString().ToLowerInvariant()}-{table.PeriodLabel.Replace('/', '-').Replace(' ', '-')}.csv",
            ContentType = "text/csv",
            Csv = Csv.Write(table),
        };
    }

    private async Task<ReportTable> CachedAsync(ReportRequest request, ReportAudience audience, CancellationToken ct)
    {
        var key = ReportCache.Key(request, audience, await ReportCache.StampAsync(db, ct));
        if (await cache.GetAsync(key) is { } cached)
        {
            return cached;
        }
        var table = await builder.BuildAsync(request, audience, ct);
        cache.Set(key, table);
        return table;
    }
}
