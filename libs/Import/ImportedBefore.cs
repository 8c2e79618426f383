namespace ComplaintsPlatform.Import;

/// <summary>
/// Source ids an import has met, stored earlier or read earlier in this file. The same values again
/// are unchanged; other values under the same id are refused, because an import never overwrites.
/// </summary>
public sealed class ImportedBefore(string sourceIdColumn)
{
    private readonly Dictionary<string, (byte[] Fingerprint, string Origin)> _seen = new(StringComparer.Ordinal);

    /// <summary>
    /// False when the row's source id was met before (stored, as <paramref name="stored"/>, or earlier
    /// in this file); the row has then been counted as unchanged or failed.
    /// </summary>
    public bool IsNew(string sourceId, byte[] fingerprint, int line, (byte[] Fingerprint, string Origin)? stored, ImportReportBuilder report)
    {
        var earlier = stored ?? (_seen.TryGetValue(sourceId, out var s) ? s : null);
        if (earlier is not { } e)
        {
            return true;
        }
        if (e.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            report.Unchanged();
        }
        else
        {
            report.Failed(line, sourceIdColumn, $"was imported before ({e.Origin}) with other values; an import never overwrites a record");
        }
        return false;
    }

    /// <summary>A row about to be imported: a later row of the file with its id is judged against it.</summary>
    public void Remember(string sourceId, byte[] fingerprint, string sourceFile, int line) =>
        _seen[sourceId] = (fingerprint, $"{sourceFile} line {line}");
}
