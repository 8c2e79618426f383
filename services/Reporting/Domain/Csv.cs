using System.Globalization;
using System.Text;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// A report table as RFC 4180 CSV: a header, one line per row, the council total last; suppressed
/// cells as "*". Text that a spreadsheet would run as a formula is neutralised; numbers stay numbers.
/// Money is pounds, a plain number ("27222.15") under a header that says "(£)"; the API keeps pence.
/// </summary>
public static class Csv
{
    public static string Write(ReportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, ["Group", .. table.Columns.Select(c => c.Unit == Unit.Pence ? c.Label + " (£)" : c.Label)]);
        foreach (var row in table.Rows.Append(table.Total).Where(r => r is not null && !table.Rows.Any(x => x != r && x.Key == r.Key)))
        {
            csv.AppendJoin(',', [Text(row.Label), .. row.Cells.Select((c, i) => Number(c, i < table.Columns.Count ? table.Columns[i].Unit : Unit.Count))]);
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>One line of text fields.</summary>
    public static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Text));
        csv.Append("\r\n");
    }

    /// <summary>
    /// A text field, quoted where needed. One that begins with =, +, -, @, tab or carriage return is
    /// prefixed with an apostrophe, so a spreadsheet shows it rather than evaluating it (CSV injection).
    /// </summary>
    public static string Text(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    // A computed number, written as the number it is (a fall of 21.2 % stays -21.2).
    private static string Number(Cell cell, Unit unit) =>
        cell.Suppressed ? "*" : cell.Empty ? "" : unit == Unit.Pence
            ? (cell.Value / 100).ToString("0.00", CultureInfo.InvariantCulture)
            : cell.Value.ToString(CultureInfo.InvariantCulture);
}
