using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Every directorate or service area of the council (a service lead's own only), so a table over
    /// years shows an organisation row with nothing in it as a published 0, not a missing row.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, string Label)>> OrganisationRowsAsync(Grouping grouping, ReportAudience audience, CancellationToken ct)
    {
        var kind = grouping switch { Grouping.Directorate => "directorate", Grouping.ServiceArea => "service_area", _ => null };
        if (kind is null)
        {
            return [];
        }
        var entries = await db.Directory.AsNoTracking().Where(d => d.Kind == kind).ToListAsync(ct);
        return entries
            .Where(e => audience.Directorate is not { } mine || (kind == "directorate" ? e.Id == mine : e.ParentId == mine))
            .Select(e => ($"{kind}:{e.Id}", e.Name.Length > 0 ? e.Name : e.Id)).ToList();
    }

    public Task<ReportTable> YearAsync(ReportKind kind, int year, ReportAudience audience, CancellationToken ct,
        Grouping grouping = Grouping.Council, Basis basis = Basis.Unspecified) =>
        GetAsync(Request(kind, new Period { Kind = PeriodKind.FinancialYear, Year = year }, grouping, basis), audience, ct);

    public static ReportRequest Request(ReportKind kind, Period period, Grouping grouping = Grouping.Council, Basis basis = Basis.Unspecified) =>
        new() { Report = kind, Period = period, Grouping = grouping, Basis = basis };
}
