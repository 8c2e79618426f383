using System.Runtime.CompilerServices;
using System.Text;
using ComplaintsPlatform.Hosting.Errors;
using nietras.SeparatedValues;

namespace ComplaintsPlatform.Import;

/// <summary>
/// The platform's one CSV reader (Sep underneath), for uploads and for CSV pasted into a request alike.
/// RFC 4180: comma-separated, fields optionally in double quotes (a quote inside doubled), a quoted
/// field may span lines (its line breaks read as "\n"). The first row is the header; empty lines are
/// skipped. Each row knows the physical line it starts on. A quote never closed refuses the file.
/// </summary>
public static class CsvReader
{
    /// <summary>The field of an import call that carries the file (<c>ImportChunk.data</c>).</summary>
    public const string DataField = "data";

    private static readonly SepReaderOptions s_options = Sep.New(',').Reader(o => o with
    {
        // The header is found and checked here, so that blank lines before it are skipped as elsewhere.
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = true,
    });

    /// <summary>An upload, read as it arrives (never synchronously); faults of the file itself are told against <see cref="DataField"/>.</summary>
    public static async IAsyncEnumerable<CsvRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var file = new FileState(DataField, null);
        using var reader = await GuardAsync(file, () => s_options.FromAsync(text, ct));
        while (await GuardAsync(file, () => reader.MoveNextAsync(ct)))
        {
            if (file.Take(reader.Current) is { } row)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// A small file already held as text, e.g. a request field, whose faults are told against
    /// <paramref name="field"/>. <paramref name="columnName"/> turns each header label into the name
    /// its columns are looked up by. The header is null when the text has no row at all.
    /// </summary>
    public static (CsvHeader? Header, IReadOnlyList<CsvRow> Rows) Read(string text, string field, Func<string, string>? columnName = null)
    {
        var file = new FileState(field, columnName);
        // As an upload's byte order mark is dropped in decoding, so is the text's.
        using var reader = Guard(file, () => s_options.FromText(text.StartsWith('\uFEFF') ? text[1..] : text));
        var rows = new List<CsvRow>();
        while (Guard(file, reader.MoveNext))
        {
            if (file.Take(reader.Current) is { } row)
            {
                rows.Add(row);
            }
        }
        return (file.Header, rows);
    }

    // Sep refuses a row past its buffer's limit, which a quote never closed in a large file reaches first.
    private static T Guard<T>(FileState file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (NotSupportedException e) when (e.TargetSite?.DeclaringType?.Assembly == typeof(SepReader).Assembly)
        {
            throw file.TooLong();
        }
    }

    private static async ValueTask<T> GuardAsync<T>(FileState file, Func<ValueTask<T>> read)
    {
        try
        {
            return await read();
        }
        catch (NotSupportedException e) when (e.TargetSite?.DeclaringType?.Assembly == typeof(SepReader).Assembly)
        {
            throw file.TooLong();
        }
    }

    private sealed class FileState(string field, Func<string, string>? columnName)
    {
        private int _nextLine = 1;

        public CsvHeader? Header { get; private set; }

        /// <summary>The row as a <see cref="CsvRow"/>; null for the header and for an empty line.</summary>
        public CsvRow? Take(SepReader.Row row)
        {
            // Sep reports where the first row ends, not where it starts: the first row starts the file.
            var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            _nextLine = row.LineNumberToExcl;
            if (row.Span.Length == 0)
            {
                return null;
            }
            // Every quote opens or closes a quoted field, so only a last row left inside quotes has an odd count.
            if (row.Span.Count('"') % 2 != 0)
            {
                throw Refused(line, "a quoted field is not closed");
            }
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = LineBreaks(row[i].ToString());
            }
            if (Header is null)
            {
                Header = new CsvHeader(columnName is null ? fields : [.. fields.Select(columnName)]);
                return null;
            }
            return new CsvRow(Header, fields, line);
        }

        public ValidationException TooLong() =>
            Refused(_nextLine, "a quoted field is not closed, or a row is longer than a CSV row may be (16,777,216 characters)");

        private ValidationException Refused(int line, string reason) => new([new FieldViolation(field, $"line {line}: {reason}")]);

        private static string LineBreaks(string value) =>
            value.Contains('\r') ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : value;
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
