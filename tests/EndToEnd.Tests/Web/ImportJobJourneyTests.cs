using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The complaints team imports history files with bad rows in Chromium, scripts off: compliments (a job
/// in Compliments) and cases (a job in CaseWorkflow). The dry run runs as a job in the owning service
/// (the page refreshes itself until it is done), its report lists the bad rows by line, and the same
/// kept file is then imported for real. Every page is screenshotted and checked with axe.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ImportJobJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_import_with_bad_rows_shows_their_lines_after_a_dry_run_then_imports_the_good_rows()
    {
        var p = Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Directory.CreateTempSubdirectory("import").FullName, $"compliments-{p}.csv");
        await File.WriteAllTextAsync(file, string.Join("\n",
            "source_id,received_on,service_area,team,officer,channel,giver,words,consent_to_quote,quotable_text",
            $"{p}-1,2018-06-14,libraries,libraries-team,,EMAIL,MEMBER_OF_PUBLIC,Thank you for the large-print books.,no,",
            $"{p}-2,2099-01-01,libraries,,,EMAIL,,,,",
            $"{p}-3,03/09/2019,highways-maintenance,,,LETTER,MEMBER_OF_PUBLIC,The crew cleared the fallen tree.,no,",
            $"{p}-4,2019-10-01,no-such-service,,,EMAIL,,,,") + "\n");

        // Without scripts: the progress page refreshes itself with a meta refresh.
        await using var web = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "import-job", javaScript: false);
        var page = web.Page;
        await page.GotoAsync("/staff/imports");
        await web.CheckAsync("upload");
        await page.GetByLabel("Compliments (compliments template)").CheckAsync();
        await page.GetByLabel("The CSV file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file (dry run)" }).ClickAsync();
        // While it runs the page shows a progress bar and reloads itself every 2 seconds (not checked
        // here: it may already be done, and axe cannot run on a page that reloads under it).

        var errors = page.GetByTestId("row-errors");
        await Expect(errors).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "received_on" })).ToContainTextAsync("3");
        await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "service_area" })).ToContainTextAsync("5");
        await Expect(page.GetByTestId("report")).ToContainTextAsync("Rows that would be imported");
        await web.CheckAsync("dry-run-report");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import the file for real" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("report").GetByRole(AriaRole.Term).Filter(new() { HasText = "Rows imported" })).ToHaveCountAsync(1);
        await Expect(page.GetByText("2 rows imported")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("row-errors")).ToContainTextAsync("must not be in the future");
        await web.CheckAsync("imported");
        File.Delete(file);
    }

    [Fact]
    public async Task A_cases_file_with_bad_rows_shows_their_lines_after_a_dry_run_then_imports_the_good_rows()
    {
        var p = Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Directory.CreateTempSubdirectory("import").FullName, $"cases-{p}.csv");
        const string Header = "source_id,reference,contact_reference,stream,service_area,team,handler,received,acknowledged,respond_due,responded,finding," +
            "escalation_requested,escalation_accepted,escalation_refused,refusal_reason,stage2_acknowledged,stage2_responded,stage2_finding," +
            "ending,ended,nature_category,root_cause,officer_minutes";
        await File.WriteAllTextAsync(file, string.Join("\n",
            Header,
            $"{p}-1,,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-03-01 10:00,2023-03-03,,2023-03-15,UPHELD,,,,,,,,,,DELAY_IN_RESPONSE,,90",
            $"{p}-2,,,CORPORATE,highways-maintenance,,,2023-13-01,,,,,,,,,,,,,,,,",
            $"{p}-3,,,CORPORATE,no-such-service,,,2023-03-01,,,,,,,,,,,,,,,,",
            $"{p}-4,,,CORPORATE,highways-maintenance,highways-north,officer-hwy-01,2023-04-03 10:00,2023-04-05,,2023-04-14,NOT_UPHELD,,,,,,,,,,,,") + "\n");

        await using var web = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "import-cases", javaScript: false);
        var page = web.Page;
        await page.GotoAsync("/staff/imports");
        await page.GetByLabel("Cases (cases template)").CheckAsync();
        await page.GetByLabel("The CSV file").SetInputFilesAsync(file);
        await web.CheckAsync("upload-cases");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file (dry run)" }).ClickAsync();

        var errors = page.GetByTestId("row-errors");
        await Expect(errors).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "received" })).ToContainTextAsync("3");
        await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasText = "service_area" })).ToContainTextAsync("4");
        await Expect(page.GetByTestId("report")).ToContainTextAsync("Rows that would be imported");
        await web.CheckAsync("cases-dry-run-report");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import the file for real" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(page.GetByText("2 rows imported")).ToBeVisibleAsync();
        await web.CheckAsync("cases-imported");
        File.Delete(file);
    }
}
