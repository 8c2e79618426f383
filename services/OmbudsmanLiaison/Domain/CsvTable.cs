using System.Globalization;
using System.Text;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>A small CSV reader for the Ombudsman's spreadsheets saved as CSV: a header row, quoted fields allowed.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string field, Dictionary<string, int> columns, List<(int Line, string[] Cells)> rows)
    {
        Field = field;
        _columns = columns;
        Rows = rows;
    }

    public string Field { get; }

    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public static CsvTable Parse(string text, string field, params string[] requiredColumns)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var rows = new List<(int, string[])>();
        string[]? header = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var cells = SplitLine(lines[i], field, i + 1);
            if (header is null)
            {
                header = cells;
            }
            else
            {
                rows.Add((i + 1, cells));
            }
        }
        var columns = (header ?? []).Select((h, i) => (Name: Normalise(h), i))
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i);
        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException([new FieldViolation(field, $"needs a header row with the columns {string.Join(", ", requiredColumns)} (missing {string.Join(", ", missing)})")]);
        }
        return new CsvTable(field, columns, rows);
    }

    public string Cell(string[] cells, string column) =>
        _columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";

    public DateOnly Date(string[] cells, string column, int line)
    {
        var text = Cell(cells, column);
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new ValidationException([new FieldViolation(Field, $"line {line}: {column} '{text}' is not a date (YYYY-MM-DD or DD/MM/YYYY)")]);
    }

    /// <summary>"Closed after initial enquiries" and CLOSED_AFTER_INITIAL_ENQUIRIES read the same.</summary>
    public static string Normalise(string label)
    {
        var builder = new StringBuilder();
        foreach (var c in label.Trim().ToUpperInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }
        var collapsed = builder.ToString();
        while (collapsed.Contains("__", StringComparison.Ordinal))
        {
            collapsed = collapsed.Replace("__", "_", StringComparison.Ordinal);
        }
        return collapsed.Trim('_');
    }

    private static string[] SplitLine(string line, string field, int number)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new ValidationException([new FieldViolation(field, $"line {number}: a quoted field is not closed")]);
        }
        cells.Add(current.ToString());
        return [.. cells];
    }
}
