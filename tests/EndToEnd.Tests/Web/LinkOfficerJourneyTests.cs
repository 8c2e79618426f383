using ComplaintsPlatform.OmbudsmanLiaison.Tests;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using OmbudsmanV1 = ComplaintsPlatform.Ombudsman.V1;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The Ombudsman link officer in Chromium: an enquiry registered, its request answered, the draft
/// decision commented on, the final decision recorded and its recommendation complied with late;
/// then the annual letter's spreadsheets (.xlsx, as the Ombudsman sends them) reconciled with one
/// difference found. Every page is screenshotted and checked with axe.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LinkOfficerJourneyTests(PlatformFixture platform)
{
    public const string LinkOfficer = "officer-lo-02"; // Dana Hughes, the council's second Ombudsman link officer

    private static readonly DateTime Today = DateTime.UtcNow.Date;

    [Fact]
    public async Task An_Ombudsman_enquiry_goes_from_receipt_to_final_decision_with_a_recommendation_complied_with_late()
    {
        var reference = $"26 {Random.Shared.Next(100, 999)} {Random.Shared.Next(100, 999)}";
        await using var web = await platform.Staff.SignedInAsync(LinkOfficer, "link_officer", "ombudsman-enquiry");
        var page = web.Page;

        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ombudsman", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ombudsman enquiries", Level = 1 })).ToBeVisibleAsync();
        await web.CheckAsync("queue-before");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register an enquiry" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the enquiry" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(page, "Ombudsman reference");
        await web.CheckAsync("register-refused");
        await page.GetByLabel("Local Government and Social Care Ombudsman").CheckAsync();
        await page.GetByLabel("Ombudsman reference").FillAsync(reference);
        await Caseworker.DateAsync(page, "Date received", Today.AddDays(-60));
        await page.GetByLabel("Department").SelectOptionAsync(new SelectOptionValue { Value = "environment-transport" });
        await page.GetByLabel("Reference in the old system (optional)").FillAsync("OLD/2025/17");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is this a pre-allocation (assessment) enquiry?" }).GetByLabel("No").CheckAsync();
        await page.GetByLabel("Summary (optional)").FillAsync("Delay in repairing a reported pothole");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the enquiry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = reference })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("enquiry")).ToContainTextAsync("OLD/2025/17 (predates the platform)");
        await web.CheckAsync("enquiry-registered");

        await StepAsync(web, "Record a request for information", "Record the request", async p =>
        {
            await Caseworker.DateAsync(p, "Date the request arrived", Today.AddDays(-55));
            await Caseworker.DateAsync(p, "Due by", Today.AddDays(-45));
            await p.GetByLabel("What the Ombudsman asked for").FillAsync("The inspection records for the road");
        }, "request");
        await Expect(page.GetByTestId("requests")).ToContainTextAsync("The inspection records for the road");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the reply" }).ClickAsync();
        await Caseworker.DateAsync(page, "Date the council replied", Today.AddDays(-50));
        await page.GetByLabel("What the council sent").FillAsync("Inspection records and the repair log");
        await web.CheckAsync("reply");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the reply" }).ClickAsync();
        await Expect(page.GetByTestId("requests")).Not.ToContainTextAsync("Record the reply");

        await StepAsync(web, "Record the draft decision", "Record the draft decision", async p =>
        {
            await Caseworker.DateAsync(p, "Date the draft decision arrived", Today.AddDays(-30));
            await Caseworker.DateAsync(p, "Comments due by", Today.AddDays(-20));
        }, "draft");
        await StepAsync(web, "Record the council's comments on the draft", "Record the comments", async p =>
        {
            await Caseworker.DateAsync(p, "Date the comments were sent", Today.AddDays(-25));
            await p.GetByLabel("What the council said").FillAsync("No further comments");
        }, "comments");
        await Expect(page.GetByTestId("draft")).ToContainTextAsync("Comments sent");

        // The decision needs its date: refused beside the input, nothing recorded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the final decision" }).ClickAsync();
        await page.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "Upheld" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(page, "Date of the final decision");
        await web.CheckAsync("decision-refused");
        await page.GetByRole(AriaRole.Group, new() { Name = "Did the fault cause injustice? (upheld only)" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Had the council already provided a satisfactory remedy?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Did the Ombudsman issue a public interest report?" }).GetByLabel("No").CheckAsync();
        await Caseworker.DateAsync(page, "Date of the final decision", Today.AddDays(-15));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(page.GetByTestId("decision")).ToContainTextAsync("Upheld: fault found");

        await StepAsync(web, "Record a recommendation", "Record the recommendation", async p =>
        {
            await p.GetByLabel("Remedy").SelectOptionAsync(new SelectOptionValue { Value = "Financial" });
            await p.GetByLabel("Amount, for a payment (£)").FillAsync("250.00");
            await Caseworker.DateAsync(p, "Date the council agreed it", Today.AddDays(-15));
            await Caseworker.DateAsync(p, "Due by", Today.AddDays(-5));
            await p.GetByLabel("What the council must do").FillAsync("Pay £250 for the time and trouble");
        }, "recommendation");

        // Overdue in the queue, then complied with today: late.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        var remedy = page.GetByTestId("remedies").GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(remedy).ToContainTextAsync("Overdue");
        await Expect(remedy).ToContainTextAsync("5 days overdue");
        await web.CheckAsync("queue-overdue");
        await remedy.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record as complied with" }).ClickAsync();
        await Caseworker.DateAsync(page, "Date it was complied with", Today);
        await page.GetByLabel("Evidence").FillAsync("Payment reference 4471");
        await web.CheckAsync("complied");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it as complied with" }).ClickAsync();
        var recommendation = page.GetByTestId("recommendations").GetByRole(AriaRole.Row).Filter(new() { HasText = "Payment of £250.00" });
        await Expect(recommendation).ToContainTextAsync("Late");
        await web.CheckAsync("complied-late");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(page.GetByTestId("remedies").GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_annual_letters_xlsx_files_are_reconciled_with_one_difference_found()
    {
        // The council's records for 2020/21: two enquiries, one decided.
        var suffix = Random.Shared.Next(100, 999);
        var (agreed, differs) = ($"20 {suffix} 001", $"20 {suffix} 002");
        using (var channel = platform.GatewayChannel())
        {
            var ombudsman = new OmbudsmanV1.OmbudsmanLiaison.OmbudsmanLiaisonClient(channel);
            var link = new Metadata { { "Authorization", "Bearer " + platform.Token("link_officer") } };
            var first = await ombudsman.RegisterEnquiryAsync(new OmbudsmanV1.RegisterEnquiryRequest
            {
                Ombudsman = OmbudsmanV1.Ombudsman.Housing, OmbudsmanReference = agreed, ReceivedOn = D(2020, 5, 4),
                DirectorateId = "adults-communities", PredatesPlatform = true,
            }, link);
            await ombudsman.RecordDecisionAsync(new OmbudsmanV1.RecordDecisionRequest
            {
                EnquiryId = first.Id, DecidedOn = D(2020, 9, 1),
                HousingFindings = { new OmbudsmanV1.HousingFinding { Determination = OmbudsmanV1.HousingDetermination.NoMaladministration } },
            }, link);
            await ombudsman.RegisterEnquiryAsync(new OmbudsmanV1.RegisterEnquiryRequest
            {
                Ombudsman = OmbudsmanV1.Ombudsman.Housing, OmbudsmanReference = differs, ReceivedOn = D(2020, 6, 8),
                DirectorateId = "adults-communities", PredatesPlatform = true,
            }, link);
        }
        // The Ombudsman's files: the second enquiry's received date differs by a day.
        var folder = Directory.CreateTempSubdirectory("annual-letter");
        var received = Path.Combine(folder.FullName, "received.xlsx");
        var decided = Path.Combine(folder.FullName, "decided.xlsx");
        var compliance = Path.Combine(folder.FullName, "compliance.xlsx");
        await File.WriteAllBytesAsync(received, Workbook.Build(
            ["Reference", "Received date"], [agreed, new DateOnly(2020, 5, 4)], [differs, new DateOnly(2020, 6, 9)]));
        await File.WriteAllBytesAsync(decided, Workbook.Build(
            ["Reference", "Decision", "Decided date"], [agreed, "No maladministration", new DateOnly(2020, 9, 1)]));
        await File.WriteAllBytesAsync(compliance, Workbook.Build(["Reference", "Compliance"]));

        await using var web = await platform.Staff.SignedInAsync(LinkOfficer, "link_officer", "annual-letter");
        var page = web.Page;
        await page.GotoAsync("/staff/ombudsman");
        await page.GetByRole(AriaRole.Link, new() { Name = "Annual letter" }).ClickAsync();
        await web.CheckAsync("upload");
        await page.GetByLabel("Housing Ombudsman").CheckAsync();
        await page.GetByLabel("Year the letter covers").FillAsync("2020");
        await page.GetByLabel("Complaints received").SetInputFilesAsync(received);
        await page.GetByLabel("Complaints decided").SetInputFilesAsync(decided);
        await page.GetByLabel("Compliance with remedies").SetInputFilesAsync(compliance);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconcile" }).ClickAsync();

        await Expect(page.GetByTestId("reconciliation-summary")).ToContainTextAsync("2 agree, 1 difference");
        var receivedTable = page.GetByTestId("reconciliation-received");
        var difference = receivedTable.GetByRole(AriaRole.Row).Filter(new() { HasText = differs });
        await Expect(difference).ToContainTextAsync("9 June 2020");
        await Expect(difference).ToContainTextAsync("8 June 2020");
        await Expect(difference).ToContainTextAsync("Different date");
        await Expect(receivedTable.GetByRole(AriaRole.Row).Filter(new() { HasText = agreed })).ToContainTextAsync("Agrees");
        await Expect(page.GetByTestId("reconciliation-decided").GetByRole(AriaRole.Row).Filter(new() { HasText = agreed })).ToContainTextAsync("No maladministration, 1 September 2020");
        await web.CheckAsync("reconciled");
        folder.Delete(recursive: true);
    }

    private static async Task StepAsync(WebPages web, string link, string button, Func<IPage, Task> fill, string step)
    {
        var page = web.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = link, Level = 1 })).ToBeVisibleAsync();
        await fill(page);
        await web.CheckAsync(step);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Success" })).ToBeVisibleAsync();
    }

    private static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };
}
