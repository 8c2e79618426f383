using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>
/// The compliments import as a job: the file is kept with the job and worked through by
/// <see cref="Import.ComplimentsImportJobRunner"/>, batch by batch, the progress saved after each.
/// </summary>
public sealed partial class ComplimentsImportService
{
    public const string JobKind = "compliments";

    public override async Task<ImportJob> StartImport(StartImportRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = Caller.From(context);
        var v = new Validator();
        byte[] content;
        string sourceFile;
        if (request.FromDryRunJobId.Length > 0)
        {
            var dryRunId = Guid.TryParse(request.FromDryRunJobId, out var parsed) ? parsed : Guid.Empty;
            var dryRun = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == dryRunId && j.Kind == JobKind, ct)
                ?? throw new NotFoundException($"Import job {request.FromDryRunJobId}");
            if (!dryRun.DryRun || dryRun.Status != ImportJobStatus.Done || dryRun.Content is null)
            {
                throw new RuleViolationException("Only a finished dry run whose file is still kept can be imported for real; upload the file again.");
            }
            (content, sourceFile) = (dryRun.Content, dryRun.SourceFile);
        }
        else
        {
            v.NotBlank(request.SourceFile, "source_file", ImportRun.MaxSourceFileLength);
            v.Require(!request.Data.IsEmpty, "data", "is empty: the call carried no file");
            v.Require(request.Data.Length <= ImportJobs.MaxFileBytes, "data", "is too large for one import (20 MB at most)");
            v.ThrowIfInvalid();
            (content, sourceFile) = (request.Data.ToByteArray(), request.SourceFile.Trim());
        }
        var dry = request.FromDryRunJobId.Length == 0 && request.DryRun;
        // A file that is not CSV at all is refused now (INVALID_ARGUMENT), before any job exists.
        var total = await ImportJobs.CountRowsAsync(content, ct);
        var job = new ImportJobRecord
        {
            Id = Guid.CreateVersion7(), Kind = JobKind, SourceFile = sourceFile, DryRun = dry, Status = ImportJobStatus.Queued,
            Content = content, RowsTotal = total, StartedBy = caller.Subject, QueuedAt = clock.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return ImportJobs.ToProto(job);
    }

    public override async Task<ImportJob> GetImportJob(GetImportJobRequest request, ServerCallContext context)
    {
        var job = Guid.TryParse(request.JobId, out var id)
            ? await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Kind == JobKind, context.CancellationToken)
            : null;
        return ImportJobs.ToProto(job ?? throw new NotFoundException($"Import job {request.JobId}"));
    }

    /// <summary>Works a claimed job through from where it stopped; the runner calls this.</summary>
    public async Task RunJobAsync(ImportJobRecord job, CancellationToken ct)
    {
        var directory = await DirectoryAsync(ct);
        var partial = job.Report is null ? null : Google.Protobuf.JsonParser.Default.Parse<ImportReport>(job.Report);
        var progress = new JobProgress(job.ResumeAfterLine, partial, async (line, report, token) =>
        {
            var json = ImportJobs.Format(report);
            var done = report.RowsRead;
            var lease = clock.GetUtcNow() + ImportJobs.Lease;
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.ResumeAfterLine, line).SetProperty(j => j.RowsDone, done)
                .SetProperty(j => j.Report, json).SetProperty(j => j.LeaseUntil, lease), token);
        });
        try
        {
            var report = await ImportRun.RunAsync(ImportJobs.Chunks(job), s_header,
                (upload, rows, builder, token) => BatchAsync(rows, directory, upload, job.StartedBy, builder, token), progress, ct);
            var json = ImportJobs.Format(report);
            var now = clock.GetUtcNow();
            // A dry run keeps its file for the real import; a real import's file goes once it is done.
            var keep = job.DryRun;
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Done).SetProperty(j => j.Report, json).SetProperty(j => j.RowsDone, report.RowsRead)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.Content, j => keep ? j.Content : null), ct);
        }
        catch (ValidationException e)
        {
            var failure = string.Join("; ", e.Violations.Select(v => v.Description));
            var now = clock.GetUtcNow();
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Failed).SetProperty(j => j.Failure, failure.Length > 2000 ? failure[..2000] : failure)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Content, (byte[]?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        }
    }
}
