using System.Globalization;
using System.Text;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>A report table as RFC 4180 CSV: a header, one line per row, the council total last; suppressed cells as "*".</summary>
public static class Csv
{
    public static string Write(ReportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, ["Group", .. table.Columns.Select(c => c.Label)]);
        foreach (var row in table.Rows.Append(table.Total).Where(r => r is not null))
        {
            Line(csv, [row.Label, .. row.Cells.Select(Format)]);
        }
        return csv.ToString();
    }

    private static string Format(Cell cell) =>
        cell.Suppressed ? "*" : cell.Empty ? "" : cell.Value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f));
        csv.Append("\r\n");
    }
}
