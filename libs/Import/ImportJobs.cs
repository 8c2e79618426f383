using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// StartImport of every service: queues a job of <paramref name="kind"/> for the file sent, or for
    /// the file a finished dry run of the same kind kept. <paramref name="startedBy"/> is the caller's subject.
    /// </summary>
    public static async Task<ImportJob> StartAsync(DbContext db, string kind, StartImportRequest request, string startedBy, DateTimeOffset now, CancellationToken ct)
    {
        var jobs = db.Set<ImportJobRecord>();
        byte[] content;
        string sourceFile;
        if (request.FromDryRunJobId.Length > 0)
        {
            var dryRunId = Guid.TryParse(request.FromDryRunJobId, out var parsed) ? parsed : Guid.Empty;
            var dryRun = await jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == dryRunId && j.Kind == kind, ct)
                ?? throw new NotFoundException($"Import job {request.FromDryRunJobId}");
            if (!dryRun.DryRun || dryRun.Status != ImportJobStatus.Done || dryRun.Content is null)
            {
                throw new RuleViolationException("Only a finished dry run whose file is still kept can be imported for real; upload the file again.");
            }
            (content, sourceFile) = (dryRun.Content, dryRun.SourceFile);
        }
        else
        {
            var v = new Validator();
            v.NotBlank(request.SourceFile, "source_file", ImportRun.MaxSourceFileLength);
            v.Require(!request.Data.IsEmpty, "data", "is empty: the call carried no file");
            v.Require(request.Data.Length <= MaxFileBytes, "data", "is too large for one import (20 MB at most)");
            v.ThrowIfInvalid();
            (content, sourceFile) = (request.Data.ToByteArray(), request.SourceFile.Trim());
        }
        var dry = request.FromDryRunJobId.Length == 0 && request.DryRun;
        // A file that is not CSV at all is refused now (INVALID_ARGUMENT), before any job exists.
        var total = await CountRowsAsync(content, ct);
        var job = new ImportJobRecord
        {
            Id = Guid.CreateVersion7(), Kind = kind, SourceFile = sourceFile, DryRun = dry, Status = ImportJobStatus.Queued,
            Content = content, RowsTotal = total, StartedBy = startedBy, QueuedAt = now,
        };
        jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return ToProto(job);
    }

    /// <summary>GetImportJob of every service: a job of any kind the service imports, by its id.</summary>
    public static async Task<ImportJob> GetAsync(DbContext db, string jobId, CancellationToken ct)
    {
        var job = Guid.TryParse(jobId, out var id)
            ? await db.Set<ImportJobRecord>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct)
            : null;
        return ToProto(job ?? throw new NotFoundException($"Import job {jobId}"));
    }

    public static ImportJob ToProto(ImportJobRecord job) => new()
    {
        JobId = job.Id.ToString(),
        Kind = job.Kind,
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
