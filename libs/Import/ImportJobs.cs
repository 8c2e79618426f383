using ComplaintsPlatform.Common.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ComplaintsPlatform.Import;

/// <summary>Where a job had got to: the rows done before a restart, the report so far, and how to save progress after a batch.</summary>
public sealed record JobProgress(int ResumeAfterLine, ImportReport? Report, Func<int, ImportReport, CancellationToken, Task> AfterBatch);

/// <summary>
/// An import job as a service keeps it (its own table, ADR 0011's batches): the uploaded file until the
/// job is done (a dry run keeps it for the real import), the last line done and the report so far.
/// </summary>
public sealed class ImportJobRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string SourceFile { get; set; } = "";
    public bool DryRun { get; set; }
    public ImportJobStatus Status { get; set; }
    public byte[]? Content { get; set; }
    public int RowsTotal { get; set; }
    public int ResumeAfterLine { get; set; }
    public int RowsDone { get; set; }
    public string? Report { get; set; }
    public string? Failure { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Until when the replica working the job holds it; a job whose lease ran out (a restart) is taken up again.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}

public static class ImportJobs
{
    /// <summary>How long a replica holds a job between saved batches.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>A dry run's file is kept this long for the real import, then dropped.</summary>
    public static readonly TimeSpan DryRunFileKept = TimeSpan.FromDays(1);

    /// <summary>The largest file a job takes in one call (the gateway's limit is higher).</summary>
    public const int MaxFileBytes = 20_000_000;

    public static ImportJob ToProto(ImportJobRecord job) => new()
    {
        JobId = job.Id.ToString(),
        SourceFile = job.SourceFile,
        DryRun = job.DryRun,
        Status = job.Status,
        RowsTotal = job.RowsTotal,
        RowsDone = job.RowsDone,
        Report = job.Report is null ? new ImportReport { SourceFile = job.SourceFile, DryRun = job.DryRun } : JsonParser.Default.Parse<ImportReport>(job.Report),
        Failure = job.Failure ?? "",
        QueuedAt = Timestamp.FromDateTimeOffset(job.QueuedAt),
        FinishedAt = job.FinishedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        StartedBy = job.StartedBy,
    };

    /// <summary>Data rows in a CSV file (records after the header), for the progress bar.</summary>
    public static async Task<int> CountRowsAsync(byte[] content, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in CsvReader.ReadAsync(new MemoryStream(content, writable: false), ct))
        {
            count++;
        }
        return count;
    }

    /// <summary>A kept file read back as the chunks of an import call.</summary>
    public static IAsyncStreamReader<ImportChunk> Chunks(ImportJobRecord job) => new StoredFile(job);

    public static string Format(ImportReport report) => JsonFormatter.Default.Format(report);

    private sealed class StoredFile(ImportJobRecord job) : IAsyncStreamReader<ImportChunk>
    {
        private bool _sent;

        public ImportChunk Current { get; private set; } = new();

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (_sent)
            {
                return Task.FromResult(false);
            }
            _sent = true;
            Current = new ImportChunk { SourceFile = job.SourceFile, DryRun = job.DryRun, Data = ByteString.CopyFrom(job.Content ?? []) };
            return Task.FromResult(true);
        }
    }
}
