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
    /// <summary>Rows handed on at a time (ADR 0011).</summary>
    public const int BatchSize = 500;

    /// <summary>The longest source file name: every record keeps it with its line, the narrowest column holds 200.</summary>
    public const int MaxSourceFileLength = 200;

    /// <summary>The whole call, refusing a header that lacks any of <paramref name="requiredColumns"/> with a violation on each.</summary>
    public static Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> chunks, IReadOnlyList<string> requiredColumns,
        Func<ImportUpload, IReadOnlyList<CsvRow>, ImportReportBuilder, CancellationToken, Task> batch, CancellationToken ct) =>
        RunAsync(chunks, requiredColumns, batch, null, ct);

    /// <summary>As above, for a job (see the job overload below) or, with no <paramref name="job"/>, a call.</summary>
    public static Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> chunks, IReadOnlyList<string> requiredColumns,
        Func<ImportUpload, IReadOnlyList<CsvRow>, ImportReportBuilder, CancellationToken, Task> batch, JobProgress? job, CancellationToken ct) =>
        RunAsync(chunks, (header, _) =>
        {
            var missing = header.Missing(requiredColumns);
            if (missing.Count > 0)
            {
                throw new ValidationException([.. missing.Select(c => new FieldViolation(c, "the file has no such column"))]);
            }
        }, batch, job, ct);

    /// <summary>The whole call: opens the upload, has <paramref name="checkHeader"/> judge the header before the first row, and reports faults by line.</summary>
    public static Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> chunks, Action<CsvHeader, ImportReportBuilder> checkHeader,
        Func<ImportUpload, IReadOnlyList<CsvRow>, ImportReportBuilder, CancellationToken, Task> batch, CancellationToken ct) =>
        RunAsync(chunks, checkHeader, batch, null, ct);

    /// <summary>
    /// As above for a job: rows up to <see cref="JobProgress.ResumeAfterLine"/> were done before a restart and
    /// are skipped, the report carries on from the job's, and <see cref="JobProgress.AfterBatch"/> saves the
    /// progress after each batch (the last line done and the report so far).
    /// </summary>
    public static async Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> chunks, Action<CsvHeader, ImportReportBuilder> checkHeader,
        Func<ImportUpload, IReadOnlyList<CsvRow>, ImportReportBuilder, CancellationToken, Task> batch, JobProgress? job, CancellationToken ct)
    {
        var upload = await ImportUpload.OpenAsync(chunks, ct)
            ?? throw new ValidationException([new FieldViolation(CsvReader.DataField, "the call carried no file")]);
        new Validator().NotBlank(upload.SourceFile, "source_file", MaxSourceFileLength).ThrowIfInvalid();
        var report = job?.Report is { } partial ? ImportReportBuilder.Resume(partial) : new ImportReportBuilder(upload.SourceFile, upload.DryRun);
        var resumeAfter = job?.ResumeAfterLine ?? 0;
        var rows = new List<CsvRow>(BatchSize);
        var checkedHeader = false;
        async Task FlushAsync()
        {
            await batch(upload, rows, report, ct);
            if (job is not null)
            {
                await job.AfterBatch(rows[^1].Line, report.Build(), ct);
            }
            rows = new List<CsvRow>(BatchSize);
        }
        await foreach (var row in CsvReader.ReadAsync(upload, ct))
        {
            if (!checkedHeader)
            {
                checkHeader(row.Header, report);
                checkedHeader = true;
            }
            if (row.Line <= resumeAfter)
            {
                continue;
            }
            report.Read();
            rows.Add(row);
            if (rows.Count == BatchSize)
            {
                await FlushAsync();
            }
        }
        if (rows.Count > 0)
        {
            await FlushAsync();
        }
        // A batch finds faults in two passes (reading, then the rules); the reply lists them by line.
        var built = report.Build();
        var errors = built.Errors.OrderBy(e => e.Line).ToList();
        built.Errors.Clear();
        built.Errors.AddRange(errors);
        return built;
    }

    /// <summary>
    /// A header checked against a documented template: lacking required columns refuses the file in one
    /// violation naming them all; a column not in the template is warned about once and ignored.
    /// </summary>
    public static Action<CsvHeader, ImportReportBuilder> TemplateHeader(string template, IReadOnlyList<string> required, IReadOnlySet<string> columns) =>
        (header, report) =>
        {
            var missing = header.Missing(required);
            new Validator().Require(missing.Count == 0, CsvReader.DataField,
                $"the header (line 1) lacks the required column(s) {string.Join(", ", missing)}; see the {template} template").ThrowIfInvalid();
            foreach (var unknown in header.Names.Where(n => !columns.Contains(n)))
            {
                report.Warned(1, unknown, $"is not a column of the {template} template and was ignored");
            }
        };
}
