namespace ComplaintsPlatform.Import;

/// <summary>Within one file a source id stands once: a second row with it is a fault of the file, not a re-import.</summary>
public sealed class SourceIdsInFile
{
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    /// <summary>Fails the row on <paramref name="column"/> when its source id was on an earlier line.</summary>
    public void Check(CsvRow row, string column, string sourceId)
    {
        if (!_firstLine.TryAdd(sourceId, row.Line))
        {
            row.Fail(column, $"appears again (first on line {_firstLine[sourceId]})");
        }
    }
}
