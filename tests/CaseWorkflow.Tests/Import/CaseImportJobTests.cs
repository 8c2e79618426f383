using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Grpc.Core;
using Npgsql;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>Cases and case actions imported as jobs: dry run first, the report by line, the kept file imported for real, resumed after a restart.</summary>
public sealed class CaseImportJobTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private static string Good(string sourceId, int day) =>
        $"{sourceId},,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-03-{day:00} 10:00,2023-03-{day + 2:00},,2023-03-{day + 10:00},UPHELD,,,,,,,,,,DELAY_IN_RESPONSE,,90";

    private Task<ImportJob> FinishedAsync(string jobId) =>
        ImportJobsUnderTest.FinishedAsync(r => Client(fx.Host).GetImportJobAsync(r).ResponseAsync, jobId);

    [Fact]
    public async Task A_dry_run_job_reports_bad_rows_by_line_and_changes_nothing_then_its_kept_file_is_imported_for_real()
    {
        var p = "job-" + Guid.NewGuid().ToString("N")[..8];
        var csv = Csv(CaseHeader,
            Good($"{p}-1", 1),
            $"{p}-2,,,CORPORATE,highways-maintenance,,,2023-13-01,,,,,,,,,,,,,,,,",
            $"{p}-3,,,CORPORATE,no-such-area,,,2023-03-01,,,,,,,,,,,,,,,,",
            Good($"{p}-4", 4));
        var cases = await fx.Host.CountAsync("cases");

        var started = await Client(fx.Host).StartCasesImportAsync(new StartImportRequest { SourceFile = "cases-2023.csv", Data = ByteString.CopyFromUtf8(csv), DryRun = true });
        Assert.Equal((ImportJobStatus.Queued, 4, true, "cases"), (started.Status, started.RowsTotal, started.DryRun, started.Kind));
        var dryRun = await FinishedAsync(started.JobId);

        Assert.Equal((ImportJobStatus.Done, 4, 2, 2), (dryRun.Status, dryRun.RowsDone, dryRun.Report.RowsImported, dryRun.Report.RowsFailed));
        Assert.Equal([(3, "received"), (4, "service_area")], dryRun.Report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.Equal(cases, await fx.Host.CountAsync("cases"));
        Assert.Null(await CaseIdOfAsync(fx.Host, $"{p}-1"));

        var real = await FinishedAsync((await Client(fx.Host).StartCasesImportAsync(new StartImportRequest { FromDryRunJobId = dryRun.JobId })).JobId);

        Assert.Equal((false, "cases-2023.csv", 2, 2, "officer-cpt-01"), (real.DryRun, real.SourceFile, real.Report.RowsImported, real.Report.RowsFailed, real.StartedBy));
        Assert.NotNull(await CaseIdOfAsync(fx.Host, $"{p}-1"));
        Assert.NotNull(await CaseIdOfAsync(fx.Host, $"{p}-4"));
        Assert.Equal(cases + 2, await fx.Host.CountAsync("cases"));

        // A dry run of cases is not a file of case actions.
        var other = await Assert.ThrowsAsync<RpcException>(() => Client(fx.Host).StartCaseActionsImportAsync(new StartImportRequest { FromDryRunJobId = dryRun.JobId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_case_actions_job_reports_an_action_whose_case_is_unknown_by_line()
    {
        var p = "jobact-" + Guid.NewGuid().ToString("N")[..8];
        var job = await FinishedAsync((await Client(fx.Host).StartCaseActionsImportAsync(new StartImportRequest
        {
            SourceFile = "actions.csv", DryRun = true,
            Data = ByteString.CopyFromUtf8(Csv("source_id,case_source_id,kind,due", $"{p}-a1,{p}-no-such-case,LEARNING,2023-04-01")),
        })).JobId);

        Assert.Equal((ImportJobStatus.Done, "case_actions", 1), (job.Status, job.Kind, job.Report.RowsFailed));
        Assert.Equal((2, "case_source_id"), (job.Report.Errors.Single().Line, job.Report.Errors.Single().Column));
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_carries_on_after_its_last_saved_line_without_importing_a_row_twice()
    {
        var p = "resume-" + Guid.NewGuid().ToString("N")[..8];
        var csv = Csv(CaseHeader, Good($"{p}-1", 1), Good($"{p}-2", 2), Good($"{p}-3", 3));
        // The replica that stopped had imported line 2 and saved that much progress.
        await SendAsync(Client(fx.Host).ImportCases(), "cut-short.csv", Csv(CaseHeader, Good($"{p}-1", 1)));
        var cases = await fx.Host.CountAsync("cases");
        var id = await ImportJobsUnderTest.CutShortAsync(fx.Host.Database.ConnectionStrings["case-workflow-db"], "caseworkflow", "cases", "cut-short.csv", csv,
            resumeAfterLine: 2, new ImportReport { SourceFile = "cut-short.csv", RowsRead = 1, RowsImported = 1 });

        var job = await FinishedAsync(id.ToString());

        Assert.Equal((ImportJobStatus.Done, 3, 3, 0), (job.Status, job.RowsDone, job.Report.RowsImported, job.Report.RowsUnchanged));
        Assert.Equal(cases + 2, await fx.Host.CountAsync("cases"));
        Assert.Equal(3L, await ImportedRowsAsync(p));
    }

    private async Task<long> ImportedRowsAsync(string prefix)
    {
        await using var conn = new NpgsqlConnection(fx.Host.Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM caseworkflow.imported_rows WHERE source_kind = 'case' AND source_id LIKE @p", conn);
        cmd.Parameters.AddWithValue("p", prefix + "-%");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
