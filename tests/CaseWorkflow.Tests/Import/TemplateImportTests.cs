using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>The templates shipped with the service are examples a council can follow: they import without a fault.</summary>
public sealed class TemplateImportTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task The_shipped_cases_and_case_actions_templates_import_without_a_fault()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Import", "Templates");
        var cases = await SendAsync(Client(fx.Host).ImportCases(), "cases.csv", await File.ReadAllTextAsync(Path.Combine(folder, "cases.csv")));
        var actions = await SendAsync(Client(fx.Host).ImportCaseActions(), "case-actions.csv", await File.ReadAllTextAsync(Path.Combine(folder, "case-actions.csv")));

        Assert.Equal((7, 7), (cases.RowsRead, cases.RowsImported));
        Assert.Empty(cases.Errors);
        Assert.Equal((4, 4), (actions.RowsRead, actions.RowsImported));
        Assert.Empty(actions.Errors);
    }
}
