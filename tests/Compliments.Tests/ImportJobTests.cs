using System.Text;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.ComplimentFiles;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>The compliments import as a job: dry run first, progress, the report by line, the file kept until done, resumed after a restart.</summary>
public sealed class ImportJobTests(ImportHost fixture) : IClassFixture<ImportHost>
{
    private ComplimentsHost Host => fixture.Host;

    private ComplimentsImport.ComplimentsImportClient Client => new(Host.CreateChannel(TeamToken));

    private async Task<ImportJob> FinishedAsync(string jobId)
    {
        ImportJob job = new();
        await Eventually.TrueAsync(async () =>
        {
            job = await Client.GetImportJobAsync(new GetImportJobRequest { JobId = jobId });
            return job.Status is ImportJobStatus.Done or ImportJobStatus.Failed;
        }, "the import job is finished", TimeSpan.FromSeconds(60));
        return job;
    }

    [Fact]
    public async Task A_dry_run_job_reports_bad_rows_by_line_and_changes_nothing_then_its_kept_file_is_imported_for_real_and_dropped()
    {
        var p = NewPrefix();
        var csv = Csv(
            $"{p}-1,2013-02-01,{Libraries},,,EMAIL,,Found the book I needed.,no,",
            $"{p}-2,2099-01-01,{Libraries},,,EMAIL,,,,",
            $"{p}-3,2013-02-03,{Highways},,,PHONE,,Quick repair.,no,");

        var started = await Client.StartImportAsync(new StartImportRequest { SourceFile = "history.csv", Data = ByteString.CopyFromUtf8(csv), DryRun = true });
        Assert.Equal((ImportJobStatus.Queued, 3, true), (started.Status, started.RowsTotal, started.DryRun));
        var dryRun = await FinishedAsync(started.JobId);

        Assert.Equal((ImportJobStatus.Done, 3, 3), (dryRun.Status, dryRun.RowsDone, dryRun.Report.RowsRead));
        Assert.Equal((2, 1), (dryRun.Report.RowsImported, dryRun.Report.RowsFailed));
        Assert.Equal((3, "received_on"), (dryRun.Report.Errors.Single().Line, dryRun.Report.Errors.Single().Column));
        Assert.Equal(0, await Host.WithDbAsync(db => db.Compliments.CountAsync(c => c.ImportSourceId!.StartsWith(p))));

        var real = await FinishedAsync((await Client.StartImportAsync(new StartImportRequest { FromDryRunJobId = dryRun.JobId })).JobId);

        Assert.Equal((false, "history.csv", 2, 1), (real.DryRun, real.SourceFile, real.Report.RowsImported, real.Report.RowsFailed));
        Assert.Equal(2, await Host.WithDbAsync(db => db.Compliments.CountAsync(c => c.ImportSourceId!.StartsWith(p))));
        var kept = await Host.WithDbAsync(db => db.Set<ImportJobRecord>().AsNoTracking()
            .Where(j => j.Id == Guid.Parse(dryRun.JobId) || j.Id == Guid.Parse(real.JobId)).ToDictionaryAsync(j => j.Id.ToString(), j => j.Content != null));
        Assert.True(kept[dryRun.JobId]);
        Assert.False(kept[real.JobId]);

        // A real import cannot be started again from a file that was not a dry run.
        var again = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => Client.StartImportAsync(new StartImportRequest { FromDryRunJobId = real.JobId }).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_job_left_running_by_a_stopped_replica_carries_on_after_its_last_saved_batch()
    {
        var p = NewPrefix();
        var csv = Csv(
            $"{p}-1,2014-03-01,{Libraries},,,EMAIL,,First.,no,",
            $"{p}-2,2014-03-02,{Libraries},,,EMAIL,,Second.,no,",
            $"{p}-3,2014-03-03,{Libraries},,,EMAIL,,Third.,no,");
        var partial = new ImportReport { SourceFile = "cut-short.csv", RowsRead = 1, RowsImported = 1 };
        var id = Guid.CreateVersion7();
        await Host.WithDbAsync(async db =>
        {
            db.Set<ImportJobRecord>().Add(new ImportJobRecord
            {
                Id = id, Kind = "compliments", SourceFile = "cut-short.csv", Status = ImportJobStatus.Running, Content = Encoding.UTF8.GetBytes(csv),
                RowsTotal = 3, RowsDone = 1, ResumeAfterLine = 2, Report = ImportJobs.Format(partial), StartedBy = "importer-1",
                QueuedAt = DateTimeOffset.UtcNow.AddMinutes(-5), LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(-1),
            });
            return await db.SaveChangesAsync();
        });

        var job = await FinishedAsync(id.ToString());

        Assert.Equal((ImportJobStatus.Done, 3, 3, 3), (job.Status, job.RowsDone, job.Report.RowsRead, job.Report.RowsImported));
        // Line 2 was imported before the restart (in this test, pretended): only lines 3 and 4 are imported now.
        var lines = await Host.WithDbAsync(db => db.Compliments.Where(c => c.ImportSourceId!.StartsWith(p)).Select(c => c.ImportLine!.Value).OrderBy(l => l).ToListAsync());
        Assert.Equal([3, 4], lines);
    }
}
