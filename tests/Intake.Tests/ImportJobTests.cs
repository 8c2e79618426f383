using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Xunit;
using static ComplaintsPlatform.Intake.Tests.Support.ContactFiles;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>The contacts import as a job: dry run first, the report by line, the kept file imported for real, resumed after a restart.</summary>
public sealed class ImportJobTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private IntakeImport.IntakeImportClient Jobs => new(Host.CreateChannel(TeamToken));

    private Task<ImportJob> FinishedAsync(string jobId) => ImportJobsUnderTest.FinishedAsync(r => Jobs.GetImportJobAsync(r).ResponseAsync, jobId);

    private static string Row(string p, int n, string received = "2020-02-03") =>
        $"{p}-{n},,COMPLAINT,EMAIL,{received},COMPLAINT,,,highways,CORPORATE,Person{n} {p},p{n}-{p}@example.org,,Missed bins {n}.";

    private Task<long> ContactsAsync(string p) =>
        Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE import_source_id LIKE @p", ("p", p + "-%"));

    [Fact]
    public async Task A_dry_run_job_reports_bad_rows_by_line_and_changes_nothing_then_its_kept_file_is_imported_for_real()
    {
        var p = NewPrefix();
        var csv = Csv(Row(p, 1), Row(p, 2, received: "2099-01-01"), Row(p, 3));

        var started = await Jobs.StartImportAsync(new StartImportRequest { SourceFile = "contacts-2020.csv", Data = ByteString.CopyFromUtf8(csv), DryRun = true });
        Assert.Equal((ImportJobStatus.Queued, 3, "contacts"), (started.Status, started.RowsTotal, started.Kind));
        var dryRun = await FinishedAsync(started.JobId);

        Assert.Equal((ImportJobStatus.Done, 3, 2, 1), (dryRun.Status, dryRun.RowsDone, dryRun.Report.RowsImported, dryRun.Report.RowsFailed));
        Assert.Equal((3, "received"), (dryRun.Report.Errors.Single().Line, dryRun.Report.Errors.Single().Column));
        Assert.Equal(0, await ContactsAsync(p));

        var real = await FinishedAsync((await Jobs.StartImportAsync(new StartImportRequest { FromDryRunJobId = dryRun.JobId })).JobId);

        Assert.Equal((false, 2, 1, "importer-1"), (real.DryRun, real.Report.RowsImported, real.Report.RowsFailed, real.StartedBy));
        Assert.Equal(2, await ContactsAsync(p));
        Assert.Equal(new[] { "contacts-2020.csv" }, await Host.ListAsync<string>(
            "SELECT DISTINCT import_source_file FROM intake.contacts WHERE import_source_id LIKE @p", ("p", p + "-%")));
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_carries_on_after_its_last_saved_line_without_importing_a_row_twice()
    {
        var p = NewPrefix();
        // The replica that stopped had imported line 2 and saved that much progress.
        await ImportAsync(Host, Csv(Row(p, 1)), TeamToken, file: "cut-short.csv");
        var id = await ImportJobsUnderTest.CutShortAsync(Host.ConnectionString, "intake", "contacts", "cut-short.csv", Csv(Row(p, 1), Row(p, 2), Row(p, 3)),
            resumeAfterLine: 2, new ImportReport { SourceFile = "cut-short.csv", RowsRead = 1, RowsImported = 1 });

        var job = await FinishedAsync(id.ToString());

        Assert.Equal((ImportJobStatus.Done, 3, 3, 0), (job.Status, job.RowsDone, job.Report.RowsImported, job.Report.RowsUnchanged));
        Assert.Equal(3, await ContactsAsync(p));
    }
}
