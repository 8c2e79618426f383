using System.Globalization;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// The Reporting 1 tables as documents, trends and the self-assessment read them: built by
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

/// <summary>Reading one cell of a table by column key and row key (the council total when no row is named).</summary>
public static class Cells
{
    public static Cell? Of(ReportTable table, string column, string? row = null)
    {
        var index = table.Columns.ToList().FindIndex(c => c.Key == column);
        var r = row is null ? table.Total : table.Rows.FirstOrDefault(x => x.Key == row);
        return index < 0 || r is null || index >= r.Cells.Count ? null : r.Cells[index];
    }

    public static long Count(ReportTable table, string column, string? row = null) =>
        Of(table, column, row) is { Suppressed: false, Empty: false } cell ? (long)cell.Value : 0;

    /// <summary>A cell as a document prints it: suppressed and empty cells say so rather than show a number.</summary>
    public static string Text(ReportTable table, string column, string? row = null)
    {
        var unit = table.Columns.FirstOrDefault(c => c.Key == column)?.Unit ?? Unit.Count;
        return Format(Of(table, column, row), unit);
    }

    public static string Format(Cell? cell, Unit unit) => cell switch
    {
        null => "0",
        { Suppressed: true } => "fewer than 5 (suppressed)",
        { Empty: true } => "not applicable",
        _ => unit switch
        {
            Unit.Pence => "£" + (cell.Value / 100).ToString("N2", CultureInfo.InvariantCulture),
            Unit.Percent => cell.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            _ => cell.Value.ToString("0.##", CultureInfo.InvariantCulture),
        },
    };
}
