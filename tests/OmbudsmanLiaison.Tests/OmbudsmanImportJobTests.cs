using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>Enquiries and recommendations imported as jobs: dry run first, the report by line, the kept file imported for real, resumed after a restart.</summary>
public sealed class OmbudsmanImportJobTests : IAsyncLifetime
{
    private const string EnquiryHeader =
        "ombudsman,ombudsman_reference,case_reference,directorate,received,decision,decided,closure_reason,injustice,satisfactory_remedy,public_interest_report";

    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync() => _host = await OmbudsmanHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private OmbudsmanImport.OmbudsmanImportClient Client => new(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01")));

    private Task<ImportJob> FinishedAsync(string jobId) => ImportJobsUnderTest.FinishedAsync(r => Client.GetImportJobAsync(r).ResponseAsync, jobId);

    private static string Enquiry(int n, string received = "2021-05-10") => $"LGSCO,22 000 00{n},,environment,{received},ASSESSED_AND_CLOSED,2021-05-20,OUT_OF_TIME,,,";

    private static string Csv(params string[] rows) => EnquiryHeader + "\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public async Task A_dry_run_job_reports_bad_rows_by_line_and_changes_nothing_then_its_kept_file_is_imported_for_real()
    {
        var csv = Csv(Enquiry(1), Enquiry(2, received: "2021-13-01"), Enquiry(3));

        var started = await Client.StartEnquiriesImportAsync(new StartImportRequest { SourceFile = "enquiries.csv", Data = ByteString.CopyFromUtf8(csv), DryRun = true });
        Assert.Equal((ImportJobStatus.Queued, 3, "enquiries"), (started.Status, started.RowsTotal, started.Kind));
        var dryRun = await FinishedAsync(started.JobId);

        Assert.Equal((ImportJobStatus.Done, 3, 2, 1), (dryRun.Status, dryRun.RowsDone, dryRun.Report.RowsImported, dryRun.Report.RowsFailed));
        Assert.Equal((3, "received"), (dryRun.Report.Errors.Single().Line, dryRun.Report.Errors.Single().Column));
        Assert.Equal(0, await _host.CountAsync("enquiries"));

        var real = await FinishedAsync((await Client.StartEnquiriesImportAsync(new StartImportRequest { FromDryRunJobId = dryRun.JobId })).JobId);

        Assert.Equal((false, 2, 1, "officer-cpt-01"), (real.DryRun, real.Report.RowsImported, real.Report.RowsFailed, real.StartedBy));
        Assert.Equal(2, await _host.CountAsync("enquiries"));
        // The real import's file is gone; it cannot be imported again from there.
        var again = await Assert.ThrowsAsync<RpcException>(() => Client.StartEnquiriesImportAsync(new StartImportRequest { FromDryRunJobId = real.JobId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_recommendations_job_whose_file_lacks_a_required_column_fails_naming_it()
    {
        var job = await FinishedAsync((await Client.StartRecommendationsImportAsync(new StartImportRequest
        {
            SourceFile = "recommendations.csv", DryRun = true, Data = ByteString.CopyFromUtf8("source_id,ombudsman,ombudsman_reference,type\nr-1,LGSCO,22 000 001,APOLOGY\n"),
        })).JobId);

        Assert.Equal((ImportJobStatus.Failed, "recommendations"), (job.Status, job.Kind));
        Assert.Contains("due", job.Failure);
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_carries_on_after_its_last_saved_line_without_importing_a_row_twice()
    {
        // The replica that stopped had imported line 2 and saved that much progress.
        var first = await FinishedAsync((await Client.StartEnquiriesImportAsync(new StartImportRequest { SourceFile = "cut-short.csv", Data = ByteString.CopyFromUtf8(Csv(Enquiry(1))) })).JobId);
        Assert.Equal(1, first.Report.RowsImported);
        var id = await ImportJobsUnderTest.CutShortAsync(_host.Database.ConnectionStrings["ombudsman-liaison-db"], "ombudsman", "enquiries", "cut-short.csv",
            Csv(Enquiry(1), Enquiry(2), Enquiry(3)), resumeAfterLine: 2, new ImportReport { SourceFile = "cut-short.csv", RowsRead = 1, RowsImported = 1 });

        var job = await FinishedAsync(id.ToString());

        Assert.Equal((ImportJobStatus.Done, 3, 3, 0), (job.Status, job.RowsDone, job.Report.RowsImported, job.Report.RowsUnchanged));
        Assert.Equal(3, await _host.CountAsync("enquiries"));
    }
}
