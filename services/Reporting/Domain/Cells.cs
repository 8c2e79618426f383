using System.Globalization;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

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
        { Suppressed: true } => "a small number (suppressed)",
        { Empty: true } => "not applicable",
        _ => unit switch
        {
            Unit.Pence => "£" + (cell.Value / 100).ToString("N2", CultureInfo.InvariantCulture),
            Unit.Percent => cell.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            _ => cell.Value.ToString("0.##", CultureInfo.InvariantCulture),
        },
    };
}
