using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>ImportCaseActions: remedies and learning actions joined to imported cases by the cases' source ids.</summary>
public sealed class CaseActionImportTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private const string Header = "source_id,case_source_id,kind,type_code,amount_pence,owner,agreed,due,completed";

    [Fact]
    public async Task Remedies_and_learning_actions_join_their_cases_and_bad_rows_are_reported_by_line_and_column()
    {
        var p = "act-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Csv(CaseHeader,
            $"{p},,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-03-01 10:00,2023-03-03,,2023-03-15,UPHELD,,,,,,,,,,DELAY_IN_RESPONSE,PROCESS,"));
        var file = Csv(Header,
            $"{p}-r1,{p},REMEDY,FINANCIAL,£150.00,officer-hwy-01,2023-03-15,2023-03-29,2023-04-03",
            $"{p}-r2,{p},REMEDY,APOLOGY,,officer-hwy-01,2023-03-15,2023-03-22,",
            $"{p}-l1,{p},LEARNING,,,lead-hwy,,2023-06-30,2023-06-01",
            $"{p}-bad1,{p},REMEDY,NO_SUCH_TYPE,,,2023-03-15,2023-03-22,",
            $"{p}-bad2,no-such-case,REMEDY,APOLOGY,,,2023-03-15,2023-03-22,",
            $"{p}-bad3,{p},REMEDY,FINANCIAL,,,2023-03-15,2023-03-22,",
            $"{p}-bad4,{p},REMEDY,APOLOGY,,,2023-03-15,2023-03-10,");

        var report = await SendAsync(Client(fx.Host).ImportCaseActions(), "case-actions.csv", file);

        Assert.Equal((7, 3, 4), (report.RowsRead, report.RowsImported, report.RowsFailed));
        Assert.Equal([(5, "type_code"), (6, "case_source_id"), (7, ""), (8, "due")], report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.Contains("amount", report.Errors[2].Reason);
        var c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}" });
        Assert.Equal(2, c.Remedies.Count);
        Assert.Equal(15000, c.Remedies.Single(r => r.TypeCode == "FINANCIAL").AmountPence);
        Assert.Single(c.Learning.Actions);
        var id = c.Id;
        var completed = Assert.Single(await fx.Host.OutboxEventsAsync<RemedyCompleted>(), e => e.Header.CaseId == id);
        Assert.True(completed.Late);
        Assert.True(completed.Header.Imported);

        var events = (await fx.Host.OutboxEventTypesAsync()).Count;
        var again = await SendAsync(Client(fx.Host).ImportCaseActions(), "case-actions.csv", file);
        Assert.Equal((0, 3, 4), (again.RowsImported, again.RowsUnchanged, again.RowsFailed));
        Assert.Equal(events, (await fx.Host.OutboxEventTypesAsync()).Count);
        c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}" });
        Assert.Equal(2, c.Remedies.Count);
    }

    [Fact]
    public async Task Imported_remedies_and_learning_actions_stage_the_same_events_as_live_ones_flagged_imported()
    {
        var p = "ev-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", Csv(CaseHeader,
            $"{p},,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-03-01 10:00,2023-03-03,,2023-03-15,UPHELD,,,,,,,,,,DELAY_IN_RESPONSE,PROCESS,"));
        var report = await SendAsync(Client(fx.Host).ImportCaseActions(), "case-actions.csv", Csv(Header,
            $"{p}-r1,{p},REMEDY,APOLOGY,,officer-hwy-01,2023-03-15,2023-03-22,2023-03-20",
            $"{p}-l1,{p},LEARNING,,,lead-hwy,,2023-06-30,2023-06-01",
            $"{p}-l2,{p},LEARNING,,,lead-hwy,,2023-07-31,"));
        Assert.Equal(3, report.RowsImported);
        var id = (await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = $"IMP-{p}" })).Id;

        var learning = (await fx.Host.OutboxEventsAsync<LearningRecorded>()).Where(e => e.Header.CaseId == id).ToList();
        Assert.Equal([(0, 0), (1, 1), (2, 1)], learning.Select(e => (e.Actions, e.ActionsDone)).ToList());
        Assert.All(learning, e => Assert.True(e.Header.Imported));
        Assert.All(learning, e => Assert.Equal(("DELAY_IN_RESPONSE", "highways-maintenance"), (e.NatureCategoryCode, e.ServiceAreaId)));
        Assert.Single(learning.Select(e => e.Header.OccurredOn).Distinct());
        var agreed = Assert.Single(await fx.Host.OutboxEventsAsync<RemedyAgreed>(), e => e.Header.CaseId == id);
        var completed = Assert.Single(await fx.Host.OutboxEventsAsync<RemedyCompleted>(), e => e.Header.CaseId == id);
        Assert.True(agreed.Header.Imported && completed.Header.Imported);
        Assert.Equal(("APOLOGY", false), (agreed.TypeCode, completed.Late));
    }
}
