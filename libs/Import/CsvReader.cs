using System.Runtime.CompilerServices;
using System.Text;

namespace ComplaintsPlatform.Import;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled), a
/// quoted field may span lines. The first row is the header. Each row knows the line it starts on.
/// </summary>
public static class CsvReader
{
    public static async IAsyncEnumerable<CsvRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        CsvHeader? header = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        var quotedField = false;
        var buffer = new char[64 * 1024];
        var pendingCr = false;
        var rowHasContent = false;
        var quoteEndsRead = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (quoteEndsRead)
                {
                    quoteEndsRead = false;
                    if (c == '"')
                    {
                        field.Append('"');
                        continue;
                    }
                    inQuotes = false;
                }
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 == read)
                        {
                            // The next read says whether this quote is doubled or closes the field (the
                            // reader's own Peek would read the upload synchronously, which it cannot).
                            quoteEndsRead = true;
                        }
                        else if (buffer[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (c == '\n' || c == '\r')
                        {
                            line++;
                            pendingCr = c == '\r';
                            field.Append('\n');
                        }
                        else
                        {
                            field.Append(c);
                        }
                    }
                    continue;
                }
                switch (c)
                {
                    case '"' when field.Length == 0 && !quotedField:
                        inQuotes = true;
                        quotedField = true;
                        rowHasContent = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        quotedField = false;
                        rowHasContent = true;
                        break;
                    case '\r' or '\n':
                        pendingCr = c == '\r';
                        if (rowHasContent || field.Length > 0)
                        {
                            fields.Add(field.ToString());
                            var row = Emit(ref header, fields, rowStart);
                            if (row is not null)
                            {
                                yield return row;
                            }
                        }
                        field.Clear();
                        fields = [];
                        quotedField = false;
                        rowHasContent = false;
                        line++;
                        rowStart = line;
                        break;
                    default:
                        field.Append(c);
                        rowHasContent = true;
                        break;
                }
            }
        }
        if (rowHasContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            var row = Emit(ref header, fields, rowStart);
            if (row is not null)
            {
                yield return row;
            }
        }
    }

    private static CsvRow? Emit(ref CsvHeader? header, List<string> fields, int line)
    {
        if (header is null)
        {
            header = new CsvHeader(fields);
            return null;
        }
        return new CsvRow(header, fields, line);
    }
}

/// <summary>The header row: column names (trimmed, case-insensitive) to positions.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names)
    {
        Names = [.. names.Select(n => n.Trim())];
        for (var i = 0; i < Names.Count; i++)
        {
            _index.TryAdd(Names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public bool Has(string column) => _index.ContainsKey(column);

    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The required columns this header lacks.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> required) => [.. required.Where(c => !Has(c))];
}
