using System.Text;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Import;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// One of the Ombudsman's case-by-case spreadsheets saved as CSV, read by the platform's one reader.
/// Columns are found by their label ("Received date" is RECEIVED_DATE); a bad file is refused whole,
/// against its request field, with the line.
/// </summary>
public sealed class OmbudsmanFile
{
    private OmbudsmanFile(string field, IReadOnlyList<CsvRow> rows)
    {
        Field = field;
        Rows = rows;
    }

    public string Field { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static OmbudsmanFile Parse(string text, string field, params string[] requiredColumns)
    {
        var (header, rows) = CsvReader.Read(text, field, Normalise);
        var missing = header?.Missing(requiredColumns) ?? requiredColumns;
        if (missing.Count > 0)
        {
            throw new ValidationException([new FieldViolation(field, $"needs a header row with the columns {string.Join(", ", requiredColumns)} (missing {string.Join(", ", missing)})")]);
        }
        return new OmbudsmanFile(field, rows);
    }

    public static string Cell(CsvRow row, string column) => row.Optional(column) ?? "";

    public DateOnly Date(CsvRow row, string column) =>
        row.Date(column, required: true)
        ?? throw new ValidationException([new FieldViolation(Field, $"line {row.Line}: {column} '{Cell(row, column)}' is not a date (YYYY-MM-DD or DD/MM/YYYY)")]);

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
}
