using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// One or several columns of any report over consecutive financial (or calendar) years, a series per row (every
/// directorate or service area of the council, those with nothing included). Each year is the
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
        var (kind, prefix) = YearKind(request.YearKind, "year_kind");
        var tablesByYear = new List<ReportTable>();
        for (var year = request.ToYear - years + 1; year <= request.ToYear; year++)
        {
            var period = new Period { Kind = kind, Year = year };
            var yearRequest = DocumentTables.Request(request.Report, period, request.Grouping, request.Basis);
            yearRequest.Stream = request.Stream;
            tablesByYear.Add(await tables.GetAsync(yearRequest, audience, ct));
        }
        var last = tablesByYear[^1];
        Column Find(string key) => last.Columns.FirstOrDefault(c => c.Key == key)
            ?? throw new ValidationException([new("column", $"{last.Title} has no column '{key}'.")]);
        var measures = request.Columns.Count > 0 ? request.Columns.Select(Find).ToList()
            : [string.IsNullOrEmpty(request.Column) ? last.Columns[0] : Find(request.Column)];
        var several = measures.Count > 1;
        var trend = new ReportTable
        {
            Report = request.Report,
            Title = several ? $"{last.Title}, {years} years" : $"{last.Title}: {measures[0].Label}, {years} years",
            PeriodLabel = $"{tablesByYear[0].PeriodLabel} to {last.PeriodLabel}",
            Basis = last.Basis,
            Grouping = last.Grouping,
            SuppressionApplied = last.SuppressionApplied,
            AsOf = last.AsOf,
        };
        foreach (var measure in measures)
        {
            trend.Columns.AddRange(tablesByYear.Select(t => new Column
            {
                Key = (several ? measure.Key + ":" : "") + prefix + t.PeriodLabel[..4],
                Label = several ? $"{measure.Label}: {t.PeriodLabel}" : t.PeriodLabel,
                Unit = measure.Unit,
            }));
        }
        var labels = tablesByYear.SelectMany(t => t.Rows).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Label);
        foreach (var (key, label) in await tables.OrganisationRowsAsync(request.Grouping, audience, ct))
        {
            labels.TryAdd(key, label);
        }
        foreach (var (key, label) in labels.OrderBy(x => x.Value, StringComparer.Ordinal))
        {
            trend.Rows.Add(Series(key, label, tablesByYear, measures));
        }
        trend.Total = Series(null, "Council", tablesByYear, measures);
        return trend;
    }

    /// <summary>The kind of year a series or chart counts by, and the prefix of its year columns' keys.</summary>
    public static (PeriodKind Kind, string Prefix) YearKind(PeriodKind asked, string field) => asked switch
    {
        PeriodKind.Unspecified or PeriodKind.FinancialYear => (PeriodKind.FinancialYear, "fy"),
        PeriodKind.CalendarYear => (PeriodKind.CalendarYear, "cy"),
        _ => throw new ValidationException([new(field, "Choose financial or calendar years.")]),
    };

    private static ReportRow Series(string? key, string label, IReadOnlyList<ReportTable> years, IEnumerable<Column> measures)
    {
        var row = new ReportRow { Key = key ?? "council", Label = label };
        // A year without the row has nothing to count: zero, not suppressed (a published 0, not a missing row).
        foreach (var measure in measures)
        {
            row.Cells.AddRange(years.Select(t => Cells.Of(t, measure.Key, key)?.Clone() ?? Zero(measure.Unit)));
        }
        return row;
    }

    // A rate of nothing has no value; a count of nothing is 0.
    private static Cell Zero(Unit unit) => unit is Unit.Percent or Unit.WorkingDays ? new Cell { Empty = true } : new Cell();
}
