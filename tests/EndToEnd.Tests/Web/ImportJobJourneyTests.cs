using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The complaints team imports a compliments history file with bad rows in Chromium, scripts off:
/// the dry run runs as a job in Compliments (the page refreshes itself until it is done), its report
/// lists the bad rows by line, and the same kept file is then imported for real. Every page is
/// screenshotted and checked with axe.
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
}
