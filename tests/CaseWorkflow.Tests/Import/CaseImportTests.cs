using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>ImportCases over a real database: row-by-row validation, idempotency, dry runs and access.</summary>
public sealed class CaseImportTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private static string Rows(string p) => Csv(CaseHeader,
        $"{p}-1,,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-03-01 10:00,2023-03-03,,2023-03-15,UPHELD,,,,,,,,,,DELAY_IN_RESPONSE,,90",
        $"{p}-2,,,CORPORATE,highways-maintenance,,,2023-13-01,,,,,,,,,,,,,,,,",
        $"{p}-3,,,CORPORATE,no-such-area,,,2023-03-01,,,,,,,,,,,,,,,,",
        $"{p}-4,,,CORPORATE,highways-maintenance,,,2023-03-01,2023-03-02,,2023-03-15,,,,,,,,,,,,,",
        $"{p}-5,,,CORPORATE,highways-maintenance,,,2023-03-01,2023-03-10,,2023-03-08,UPHELD,,,,,,,,,,,,",
        $"{p}-6,,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-04-03,2023-04-05,,2023-04-14,NOT_UPHELD,2023-04-20,2023-04-21,,,2023-04-24,2023-05-10,PARTLY_UPHELD,,,,,",
        $"{p}-7,,,CORPORATE,libraries,,,2023-05-02,,,,,,,,,,,,WITHDRAWN,2023-05-04,,,",
        $"{p}-8,\"{p}, refused\",,CORPORATE,libraries,,,2023-06-01,2023-06-02,,2023-06-09,NOT_UPHELD,2023-06-16,,2023-06-20,OUTSIDE_ESCALATION_WINDOW,,,,,,,,");

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_column_while_the_good_rows_are_imported()
    {
        var p = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var report = await SendAsync(Client(fx.Host).ImportCases(), "cases-2023.csv", Rows(p));

        Assert.Equal((8, 4, 0, 4), (report.RowsRead, report.RowsImported, report.RowsUnchanged, report.RowsFailed));
        Assert.Equal([(3, "received"), (4, "service_area"), (5, "finding"), (6, "responded")],
            report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.Contains("before the acknowledgement", report.Errors[3].Reason);

        var twoStages = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}-6" });
        Assert.Equal((V1.CaseStatus.Closed, 2), (twoStages.Status, twoStages.CurrentStage));
        Assert.Equal(Finding.PartlyUpheld, twoStages.Stages[1].Response.Overall);
        var refused = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"{p}, refused" });
        Assert.Equal(CaseEnding.EscalationRefused, refused.Ending);
        var first = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}-1" });
        Assert.Equal(CaseHostFixture.D(3, 1, 2023), first.ReceivedOn);
        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = first.Id });
        Assert.Contains(history.Facts, f => f.Summary.Contains("imported from cases-2023.csv line 2"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_stages_no_events()
    {
        var p = "again-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Rows(p));
        var events = (await fx.Host.OutboxEventTypesAsync()).Count;
        var cases = await fx.Host.CountAsync("cases");

        var again = await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Rows(p));

        Assert.Equal((8, 0, 4, 4), (again.RowsRead, again.RowsImported, again.RowsUnchanged, again.RowsFailed));
        Assert.Equal(events, (await fx.Host.OutboxEventTypesAsync()).Count);
        Assert.Equal(cases, await fx.Host.CountAsync("cases"));
    }

    [Fact]
    public async Task A_dry_run_validates_every_row_and_changes_nothing()
    {
        var p = "dry-" + Guid.NewGuid().ToString("N")[..8];
        var events = (await fx.Host.OutboxEventTypesAsync()).Count;
        var cases = await fx.Host.CountAsync("cases");

        var dry = await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Rows(p), dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Equal((4, 4), (dry.RowsImported, dry.RowsFailed));
        Assert.Equal(events, (await fx.Host.OutboxEventTypesAsync()).Count);
        Assert.Equal(cases, await fx.Host.CountAsync("cases"));
        Assert.Null(await CaseIdOfAsync(fx.Host, $"{p}-1"));
        var real = await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Rows(p));
        Assert.Equal(4, real.RowsImported);
    }

    [Fact]
    public async Task Only_the_complaints_team_may_import()
    {
        var handler = Client(fx.Host, Roles.Handler, "officer-hwy-01");
        var p = "denied-" + Guid.NewGuid().ToString("N")[..8];
        var ex = await Assert.ThrowsAsync<RpcException>(() => SendAsync(handler.ImportCases(), "cases.csv", Rows(p)));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Null(await CaseIdOfAsync(fx.Host, $"{p}-1"));
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_naming_the_column()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => SendAsync(Client(fx.Host).ImportCases(), "cases.csv",
            Csv("source_id,stream,service_area", "x-1,CORPORATE,libraries")));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["received"], ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList());
    }
}
