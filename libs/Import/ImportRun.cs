using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using Grpc.Core;

namespace ComplaintsPlatform.Import;

/// <summary>
/// Reads an uploaded file row by row and hands the rows on in batches, each saved in one transaction
/// with its outbox rows, so a large file is neither held in memory nor one huge transaction. The
/// service supplies how its header is checked and what a batch does with its rows.
/// </summary>
public static class ImportRun
{
    public const int BatchSize = 500;

    /// <summary>The whole call: opens the upload, refuses a header lacking <paramref name="requiredColumns"/>, and reports faults by line.</summary>
    public static async Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> chunks, IReadOnlyList<string> requiredColumns,
        Func<ImportUpload, IReadOnlyList<CsvRow>, ImportReportBuilder, CancellationToken, Task> batch, CancellationToken ct)
    {
        var upload = await ImportUpload.OpenAsync(chunks, ct)
            ?? throw new ValidationException([new FieldViolation("source_file", "the call carried no file")]);
        new Validator().NotBlank(upload.SourceFile, "source_file", 500).ThrowIfInvalid();
        var report = new ImportReportBuilder(upload.SourceFile, upload.DryRun);
        await ReadInBatchesAsync(upload, report, BatchSize, header =>
        {
            var missing = header.Missing(requiredColumns);
            if (missing.Count > 0)
            {
                throw new ValidationException([.. missing.Select(c => new FieldViolation(c, "the file has no such column"))]);
            }
        }, rows => batch(upload, rows, report, ct), ct);
        // A batch finds faults in two passes (reading, then the rules); the reply lists them by line.
        var built = report.Build();
        var errors = built.Errors.OrderBy(e => e.Line).ToList();
        built.Errors.Clear();
        built.Errors.AddRange(errors);
        return built;
    }

    /// <summary>The loop alone: checks the header before the first row, counts every row read, and hands them on <paramref name="batchSize"/> at a time.</summary>
    public static async Task ReadInBatchesAsync(ImportUpload upload, ImportReportBuilder report, int batchSize,
        Action<CsvHeader> checkHeader, Func<IReadOnlyList<CsvRow>, Task> batch, CancellationToken ct)
    {
        var rows = new List<CsvRow>(batchSize);
        var checkedHeader = false;
        await foreach (var row in CsvReader.ReadAsync(upload, ct))
        {
            if (!checkedHeader)
            {
                checkHeader(row.Header);
                checkedHeader = true;
            }
            report.Read();
            rows.Add(row);
            if (rows.Count == batchSize)
            {
                await batch(rows);
                rows = new List<CsvRow>(batchSize);
            }
        }
        if (rows.Count > 0)
        {
            await batch(rows);
        }
    }
}
