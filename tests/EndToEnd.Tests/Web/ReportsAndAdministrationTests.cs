using System.Text;
using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// Reports and administration in Chromium. A councillor (scrutiny) opens the annual report as the
/// committee paper, downloads it as the PDF Reporting printed from it, reads the five-year chart with
/// its figures and downloads a table as CSV — without JavaScript. The complaints team adds a service
/// area and a team and sees the Code conformance warnings of a changed policy before saving; the
/// administrator adds a member of staff to that team with one form (directory officer and account)
/// and issues a Reporting API key that opens the public reports. Every page is screenshotted and
/// checked with axe. The complaints team also renames a service area and retires another, and the public
/// complaint form then offers the new name and no longer the retired one.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportsAndAdministrationTests(PlatformFixture platform)
{
    private const string Councillor = "cllr-e2e-01";
    private const string Administrator = "admin-e2e-01";

    private static int FinancialYear => DateTime.UtcNow.Month >= 4 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task A_councillor_opens_the_annual_report_downloads_its_PDF_and_reads_a_five_year_chart_without_JavaScript()
    {
        await AddToDirectoryAsync(new Officer { Id = Councillor, Name = "Cllr Alex Morgan", Email = "alex.morgan@councillors.example.gov.uk" });
        await using var web = await platform.Staff.SignedInAsync(Councillor, "scrutiny", "councillor", javaScript: false);
        var page = web.Page;
        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("public-view")).ToBeVisibleAsync();
        await web.CheckAsync("reports");

        await page.GetByRole(AriaRole.Link, new() { Name = "Committee documents" }).ClickAsync();
        await page.GetByLabel("Financial year").FillAsync(FinancialYear.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "PDF of the Quarterly departmental report" })).ToHaveCountAsync(0);
        await web.CheckAsync("documents");

        // The PDF link, fetched with the councillor's session: Reporting prints it with Chromium, which takes a few seconds.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "PDF of the Annual complaints performance and service improvement report (the Complaint Handling Code)" }).GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(href!, new() { Timeout = 240_000 });
        Assert.True(pdf.Ok, $"{pdf.Status}: {await pdf.TextAsync()}");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Contains("attachment", pdf.Headers["content-disposition"]);
        var bytes = await pdf.BodyAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        await File.WriteAllBytesAsync(Path.Combine(WebPages.ScreenshotFolder, "councillor-annual-report.pdf"), bytes);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the Annual complaints performance and service improvement report (the Complaint Handling Code)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Annual complaints performance and service improvement report");
        Assert.Equal(4, await page.Locator("figure.chart").CountAsync());
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Complaints by stream at Stage 1 and Stage 2, {FinancialYear - 4}/{(FinancialYear - 3) % 100:D2} to {FinancialYear}/{(FinancialYear + 1) % 100:D2}" })).ToBeVisibleAsync();
        await web.CheckAsync("annual-report");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebPages.ScreenshotFolder, "councillor-annual-report-print.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/staff/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Charts" }).ClickAsync();
        var volumes = page.GetByTestId("chart-volumesbystreamandstage");
        await Expect(volumes.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        var figures = volumes.GetByRole(AriaRole.Table);
        await Expect(figures).ToContainTextAsync("Corporate");
        foreach (var year in Enumerable.Range(FinancialYear - 4, 5))
        {
            await Expect(figures).ToContainTextAsync($"Stage 1 complaints: {year}/{(year + 1) % 100:D2}");
        }
        await Expect(page.GetByTestId("chart-timeliness")).ToContainTextAsync("target of");
        await web.CheckAsync("charts");

        await page.GotoAsync("/staff/reports/tables");
        await page.GetByLabel("Report", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Complaints received" });
        await page.GetByLabel("Grouping").SelectOptionAsync(new SelectOptionValue { Label = "Directorate" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await Expect(page.GetByTestId("report")).ToContainTextAsync("Complaints");
        await web.CheckAsync("report-table");
        var csv = await page.Context.APIRequest.GetAsync((await page.GetByTestId("csv").GetAttributeAsync("href"))!);
        Assert.True(csv.Ok, $"{csv.Status}: {await csv.TextAsync()}");
        Assert.Contains("attachment", csv.Headers["content-disposition"]);
        Assert.StartsWith("Group,", await csv.TextAsync());

        // Configuration is not the councillor's.
        await page.GotoAsync("/staff/admin/organisation");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot open this" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_complaints_team_adds_a_service_area_and_the_administrator_adds_a_member_of_staff_to_it_and_issues_an_API_key()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var area = $"Parks and Open Spaces {suffix}";
        var team = $"Parks team {suffix}";
        var renamed = $"Parks and Green Spaces {suffix}";
        var retired = $"Allotments {suffix}";
        await using (var complaints = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "admin-configuration"))
        {
            var page = complaints.Page;
            await page.GotoAsync("/staff");
            await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Organisation" }).ClickAsync();
            await complaints.CheckAsync("organisation");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the service area" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the service area's name");
            await complaints.CheckAsync("service-area-error");
            await page.GetByLabel("Service area name").FillAsync(area);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the service area" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Saved as configuration version");
            await Expect(page.GetByTestId("organisation")).ToContainTextAsync(area);
            await page.GetByLabel("Service area", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = area });
            await page.GetByLabel("Team name").FillAsync(team);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the team" }).ClickAsync();
            await Expect(page.GetByTestId("organisation")).ToContainTextAsync(team);
            await complaints.CheckAsync("service-area-added");

            // Another service area is added and retired, then the new one renamed (its id, cases and history stay):
            // the public form showing the new name has had the retirement too.
            await page.GetByLabel("Service area name").FillAsync(retired);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the service area" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = $"Retire {retired}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Retire {retired}?");
            await complaints.CheckAsync("service-area-retire");
            await page.GetByRole(AriaRole.Button, new() { Name = "Retire service area" }).ClickAsync();
            var retiredRow = page.GetByTestId("organisation").GetByRole(AriaRole.Row).Filter(new() { HasText = retired });
            await Expect(retiredRow).ToContainTextAsync("Retired");
            await Expect(retiredRow.GetByRole(AriaRole.Link, new() { Name = $"Bring back {retired}" })).ToBeVisibleAsync();
            await complaints.CheckAsync("service-area-retired");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Change {area}" }).ClickAsync();
            await complaints.CheckAsync("service-area-change");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the service area's name");
            await Expect(page.Locator(".govuk-error-message")).ToContainTextAsync("Enter the service area's name");
            await complaints.CheckAsync("service-area-change-error");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(renamed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Saved as configuration version");
            await Expect(page.GetByTestId("organisation")).ToContainTextAsync(renamed);
            await Expect(page.GetByTestId("configuration-version")).ToContainTextAsync($"Service area renamed: {area} to {renamed}");

            // A longer Stage 1 falls outside the Code: the warning comes before anything is saved.
            await page.GetByRole(AriaRole.Link, new() { Name = "Procedure policies" }).ClickAsync();
            await complaints.CheckAsync("policies");
            await page.GetByRole(AriaRole.Link, new() { Name = "Change the corporate policy" }).ClickAsync();
            await page.GetByLabel("Stage 1: Respond, in working days").FillAsync("40");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check against the Code" }).ClickAsync();
            await Expect(page.GetByTestId("conformance-warnings")).ToContainTextAsync("Code paragraph");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save the policy" })).ToBeVisibleAsync();
            await complaints.CheckAsync("policy-warnings");

            await page.GetByRole(AriaRole.Link, new() { Name = "Closure days" }).ClickAsync();
            await Expect(page.GetByTestId("calendar-version")).ToContainTextAsync("sha256:");
            await complaints.CheckAsync("closure-days");
        }

        await PublicFormOffersAsync(renamed, retired);

        await AddToDirectoryAsync(new Officer { Id = Administrator, Name = "Sam Admin", Email = "sam.admin@example.gov.uk" });
        await using var admin = await platform.Staff.SignedInAsync(Administrator, "administrator", "admin-accounts");
        var a = admin.Page;
        await a.GotoAsync("/staff");
        await a.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await a.GetByRole(AriaRole.Link, new() { Name = "Staff accounts" }).ClickAsync();
        await admin.CheckAsync("accounts");
        var officerId = $"parks-{suffix}";
        await a.GetByLabel("Officer id").FillAsync(officerId);
        await a.GetByLabel("Full name").FillAsync("Jo Park");
        await a.GetByLabel("Email address").FillAsync($"jo.park.{suffix}@example.gov.uk");
        await a.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = team });
        await a.GetByLabel("Complaint handler").CheckAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await Expect(a.GetByTestId("issued-user-name")).ToHaveTextAsync($"jo.park.{suffix}@example.gov.uk");
        Assert.True((await a.GetByTestId("issued-secret").InnerTextAsync()).Trim().Length >= 12);
        await admin.CheckAsync("account-created");
        await a.ReloadAsync();
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Already shown" })).ToBeVisibleAsync();
        await a.GetByRole(AriaRole.Link, new() { Name = "Back to staff accounts" }).ClickAsync();
        await Expect(a.GetByTestId("accounts").GetByRole(AriaRole.Row).Filter(new() { HasText = "Jo Park" })).ToContainTextAsync("Complaint handler");

        // The officer is in the directory, in the new team.
        using var channel = platform.GatewayChannel();
        var configuration = await new CouncilDirectory.CouncilDirectoryClient(channel).GetConfigurationAsync(new GetConfigurationRequest(), await AdminHeadersAsync());
        Assert.Equal("Jo Park", configuration.Officers.Single(o => o.Id == officerId).Name);

        await a.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await a.GetByLabel("Who the key is for").FillAsync($"Scrutiny dashboard {suffix}");
        await a.GetByRole(AriaRole.Button, new() { Name = "Issue a key" }).ClickAsync();
        var key = (await a.GetByTestId("issued-secret").InnerTextAsync()).Trim();
        await admin.CheckAsync("api-key-issued");
        using var http = new HttpClient { BaseAddress = platform.GatewayHttp };
        http.DefaultRequestHeaders.Add("x-api-key", key);
        var report = await http.GetAsync($"/api/reporting/v1/reports/REPORT_KIND_COMPLAINTS?period.kind=PERIOD_KIND_FINANCIAL_YEAR&period.year={FinancialYear}");
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        await a.GetByRole(AriaRole.Link, new() { Name = "Back to API keys" }).ClickAsync();
        await a.GetByTestId("api-keys").GetByRole(AriaRole.Row).Filter(new() { HasText = $"Scrutiny dashboard {suffix}" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(a.GetByTestId("api-keys").GetByRole(AriaRole.Row).Filter(new() { HasText = $"Scrutiny dashboard {suffix}" })).ToContainTextAsync("Revoked");
        await admin.CheckAsync("api-key-revoked");
    }

    /// <summary>
    /// The public complaint form, once Intake has the change from CaseWorkflow's feed (and the web's minute-long
    /// hold on the form has passed), offers the renamed service area and not the retired one.
    /// </summary>
    private async Task PublicFormOffersAsync(string offered, string notOffered)
    {
        await using var web = await WebPages.OpenAsync(platform, "organisation-public");
        var page = web.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.GetByLabel("A complaint").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var services = page.GetByLabel("Which service is your complaint about?");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        while (await services.Locator("option", new() { HasText = offered }).CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for the public form to offer {offered}.");
            await Task.Delay(2000);
            await page.ReloadAsync();
        }
        Assert.Equal(0, await services.Locator("option", new() { HasText = notOffered }).CountAsync());
        await web.CheckAsync("service-list-after-change");
    }

    private async Task AddToDirectoryAsync(Officer officer)
    {
        using var channel = platform.GatewayChannel();
        await new CouncilDirectory.CouncilDirectoryClient(channel).SaveOfficerAsync(new SaveOfficerRequest { Officer = officer, ChangeReason = "End-to-end test officer" }, await AdminHeadersAsync());
    }

    private async Task<Metadata> AdminHeadersAsync() => new() { { "Authorization", "Bearer " + await platform.Staff.AdministratorTokenAsync() } };
}
