using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>Tables turned into the shape councils print them in.</summary>
public static class PublishedTables
{
    /// <summary>
    /// The contact-types table: the council row's counts become one row per kind of contact, with last
    /// year, this year and % change; the total is all of them. Kinds with nothing in either year are
    /// left out only where they are not the council's (housing at a council that is not a landlord).
    /// </summary>
    public static ReportTable ContactTypes(ReportTable counts)
    {
        var table = new ReportTable
        {
            Report = counts.Report,
            Title = counts.Title,
            PeriodLabel = counts.PeriodLabel,
            Basis = counts.Basis,
            Grouping = Grouping.Council,
            SuppressionApplied = counts.SuppressionApplied,
            AsOf = counts.AsOf,
            Columns =
            {
                new Column { Key = "previous", Label = PreviousLabel(counts.PeriodLabel), Unit = Unit.Count },
                new Column { Key = "current", Label = counts.PeriodLabel, Unit = Unit.Count },
                new Column { Key = "change", Label = "% change", Unit = Unit.Percent },
            },
        };
        var current = counts.Total.Cells;
        long thisYear = 0, lastYear = 0;
        for (var c = 0; c < counts.Columns.Count; c++)
        {
            var column = counts.Columns[c];
            if (column.Key.StartsWith("previous:", StringComparison.Ordinal))
            {
                continue;
            }
            var now = (long)current[c].Value;
            var before = (long)(Previous(counts, column.Key)?.Value ?? 0);
            if (column.Key == "complaints_Housing" && now == 0 && before == 0)
            {
                continue;
            }
            thisYear += now;
            lastYear += before;
            table.Rows.Add(Row(column.Key, column.Label, now, before));
        }
        table.Total = Row("council", "Total", thisYear, lastYear);
        return table;
    }

    private static Cell? Previous(ReportTable counts, string key) =>
        counts.Columns.Select((c, i) => (c, i)).Where(x => x.c.Key == "previous:" + key).Select(x => counts.Total.Cells[x.i]).FirstOrDefault();

    private static ReportRow Row(string key, string label, long now, long before) => new()
    {
        Key = key,
        Label = label,
        Cells =
        {
            new Cell { Value = before },
            new Cell { Value = now },
            before == 0 ? new Cell { Empty = true } : new Cell { Value = Math.Round(100.0 * (now - before) / before, 1) },
        },
    };

    // "2023/24" → "2022/23"; "2023" → "2022".
    private static string PreviousLabel(string label) =>
        int.TryParse(label.AsSpan(0, 4), out var year)
            ? label.Length >= 7 && label[4] == '/' ? $"{year - 1}/{year % 100:00}" : (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "Previous year";
}
