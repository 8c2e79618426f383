using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// The report tables as documents, trends and the self-assessment read them: built by
/// <see cref="ReportBuilder"/> for the caller's audience (so access and suppression are the same)
/// and cached the same way.
/// </summary>
public sealed class DocumentTables(ReportingDbContext db, ReportBuilder builder, ReportCache cache)
{
    public async Task<ReportTable> GetAsync(ReportRequest request, ReportAudience audience, CancellationToken ct)
    {
        var key = ReportCache.Key(request, audience, await ReportCache.StampAsync(db, ct));
        if (await cache.GetAsync(key) is { } cached)
        {
            return cached;
        }
        var table = await builder.BuildAsync(request, audience, ct);
        await cache.SetAsync(key, table);
        return table;
    }

    public Task<ReportTable> YearAsync(ReportKind kind, int year, ReportAudience audience, CancellationToken ct,
        Grouping grouping = Grouping.Council, Basis basis = Basis.Unspecified) =>
        GetAsync(Request(kind, new Period { Kind = PeriodKind.FinancialYear, Year = year }, grouping, basis), audience, ct);

    public static ReportRequest Request(ReportKind kind, Period period, Grouping grouping = Grouping.Council, Basis basis = Basis.Unspecified) =>
        new() { Report = kind, Period = period, Grouping = grouping, Basis = basis };
}
