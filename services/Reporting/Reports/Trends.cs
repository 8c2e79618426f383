using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// One column of any report over consecutive financial years, a series per row. Each year is the
/// report itself (imported history included, as its dates are the dates things happened), so the
/// public view of every year is the suppressed one.
/// </summary>
public static class Trends
{
    public const int DefaultYears = 5;
    public const int MaxYears = 10;

    public static async Task<ReportTable> BuildAsync(DocumentTables tables, TrendRequest request, ReportAudience audience, CancellationToken ct)
    {
        if (request.ToYear is < 1990 or > 2100)
        {
            throw new ValidationException([new("to_year", "Give the last financial year of the series (1990-2100).")]);
        }
        if (request.Report == ReportKind.Unspecified)
        {
            throw new ValidationException([new("report", "Choose a report.")]);
        }
        var years = request.Years == 0 ? DefaultYears : request.Years;
        if (years is < 1 or > MaxYears)
        {
            throw new ValidationException([new("years", $"Give 1 to {MaxYears} years.")]);
        }
        var tablesByYear = new List<ReportTable>();
        for (var year = request.ToYear - years + 1; year <= request.ToYear; year++)
        {
            var period = new Period { Kind = PeriodKind.FinancialYear, Year = year };
            tablesByYear.Add(await tables.GetAsync(DocumentTables.Request(request.Report, period, request.Grouping, request.Basis), audience, ct));
        }
        var last = tablesByYear[^1];
        var column = string.IsNullOrEmpty(request.Column) ? last.Columns[0] : last.Columns.FirstOrDefault(c => c.Key == request.Column)
            ?? throw new ValidationException([new("column", $"{last.Title} has no column '{request.Column}'.")]);
        var trend = new ReportTable
        {
            Report = request.Report,
            Title = $"{last.Title}: {column.Label}, {years} years",
            PeriodLabel = $"{tablesByYear[0].PeriodLabel} to {last.PeriodLabel}",
            Basis = last.Basis,
            Grouping = last.Grouping,
            SuppressionApplied = last.SuppressionApplied,
            AsOf = last.AsOf,
        };
        trend.Columns.AddRange(tablesByYear.Select(t => new Column { Key = "fy" + t.PeriodLabel[..4], Label = t.PeriodLabel, Unit = column.Unit }));
        var labels = tablesByYear.SelectMany(t => t.Rows).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Label);
        foreach (var (key, label) in labels.OrderBy(x => x.Value, StringComparer.Ordinal))
        {
            trend.Rows.Add(Series(key, label, tablesByYear, column.Key));
        }
        trend.Total = Series(null, "Council", tablesByYear, column.Key);
        return trend;
    }

    private static ReportRow Series(string? key, string label, IEnumerable<ReportTable> years, string column)
    {
        var row = new ReportRow { Key = key ?? "council", Label = label };
        // A year without the row has nothing to count: zero, not suppressed.
        row.Cells.AddRange(years.Select(t => Cells.Of(t, column, key)?.Clone() ?? new Cell()));
        return row;
    }
}
