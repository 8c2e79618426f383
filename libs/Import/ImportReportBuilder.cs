using ComplaintsPlatform.Common.V1;

namespace ComplaintsPlatform.Import;

/// <summary>Counts what an import did and keeps the first 1,000 row errors for the reply.</summary>
public sealed class ImportReportBuilder(string sourceFile, bool dryRun)
{
    public const int MaxErrors = 1000;

    private readonly ImportReport _report = new() { SourceFile = sourceFile, DryRun = dryRun };

    /// <summary>Carries on from what a job had reported when it was cut short.</summary>
    public static ImportReportBuilder Resume(ImportReport partial)
    {
        var builder = new ImportReportBuilder(partial.SourceFile, partial.DryRun);
        builder._report.MergeFrom(partial);
        builder._report.SourceFile = partial.SourceFile;
        builder._report.DryRun = partial.DryRun;
        return builder;
    }

    public void Read() => _report.RowsRead++;

    public void Imported(int rows = 1) => _report.RowsImported += rows;

    public void Unchanged(int rows = 1) => _report.RowsUnchanged += rows;

    public void Failed(IEnumerable<ImportRowError> errors)
    {
        _report.RowsFailed++;
        foreach (var error in errors)
        {
            if (_report.Errors.Count < MaxErrors)
            {
                _report.Errors.Add(error);
            }
        }
    }

    public void Failed(int line, string column, string reason) =>
        Failed([new ImportRowError { Line = line, Column = column, Reason = reason }]);

    /// <summary>A row imported but worth a look (e.g. a possible duplicate person); not a failure.</summary>
    public void Warned(int line, string column, string reason)
    {
        if (_report.Warnings.Count < MaxErrors)
        {
            _report.Warnings.Add(new ImportRowError { Line = line, Column = column, Reason = reason });
        }
    }

    public ImportReport Build() => _report;
}
