using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The person's registers in Chromium: a large-print adjustment recorded from the contact page, after
/// which the person's letters are large print; a restriction recorded, shown wherever their contact or
/// case is opened (to the complaints team and to the handler), then reviewed from the reviews-due queue.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistersJourneyTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_large_print_adjustment_recorded_from_the_contact_makes_the_persons_later_letters_large_print()
    {
        var name = $"Lara Print {Guid.NewGuid().ToString("N")[..6]}";
        var reference = await Caseworker.SubmitPublicComplaintAsync(platform, "Libraries", $"The library van stopped coming to our village ({Guid.NewGuid():N}).", name);
        var today = Today;

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "large-print");
        var t = team.Page;
        await OpenContactAsync(t, reference);
        await Expect(t.GetByTestId("registered-adjustments")).ToContainTextAsync("none agreed");
        await t.GetByTestId("person-registers").ClickAsync();
        await Expect(t.GetByRole(AriaRole.Heading, new() { Name = "Adjustments and restrictions", Exact = true })).ToBeVisibleAsync();
        await team.CheckAsync("person-registers-empty");
        await t.GetByRole(AriaRole.Button, new() { Name = "Record an adjustment" }).ClickAsync();
        await Expect(t.GetByRole(AriaRole.Heading, new() { Name = "Record an adjustment", Exact = true })).ToBeVisibleAsync();
        await t.GetByRole(AriaRole.Button, new() { Name = "Record an adjustment" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(t);
        await team.CheckAsync("record-adjustment-errors");
        await t.GetByLabel("Large print").CheckAsync();
        await t.GetByLabel("What was agreed").FillAsync("Every letter in large print (at least 16 point)");
        await t.GetByLabel("Who agreed it").FillAsync("Complaints manager");
        await Caseworker.DateAsync(t, "From", today);
        await Caseworker.DateAsync(t, "Review by", today.AddMonths(6));
        await t.GetByRole(AriaRole.Button, new() { Name = "Record an adjustment" }).ClickAsync();
        await Expect(t.GetByTestId("done")).ToContainTextAsync("Adjustment recorded");
        await Expect(t.GetByTestId("adjustments")).ToContainTextAsync("Large print");
        await team.CheckAsync("adjustment-recorded");
        await t.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(t.GetByTestId("registered-adjustments")).ToContainTextAsync("Large print");

        await TriageAsComplaintAsync(t, "Libraries");
        await t.GetByTestId("open-case").ClickAsync();
        await Expect(t.GetByTestId("case-reference")).ToHaveTextAsync(reference);
        await Caseworker.ActAsync(team, "Acknowledge", async p =>
        {
            await p.GetByLabel("What the complaint is about").FillAsync("The mobile library stopped visiting");
            await p.GetByLabel("What the person wants").FillAsync("The visits restored");
        });
        // The receipt went before the adjustment was agreed; the acknowledgement after it is large print.
        await Caseworker.Until(async () =>
        {
            await t.ReloadAsync();
            return await t.GetByTestId("letters").GetByTestId("large-print").CountAsync() > 0
                && await t.GetByTestId("letters").GetByRole(AriaRole.Row).Filter(new() { Has = t.GetByTestId("large-print") }).GetByRole(AriaRole.Link).CountAsync() > 0;
        }, "the acknowledgement is sent in large print", TimeSpan.FromMinutes(3));
        // The case learns the person's adjustments from Intake's feed, like the letter's request went the other way.
        await Caseworker.Until(async () =>
        {
            await t.ReloadAsync();
            return (await t.GetByTestId("person-flags").TextContentAsync() ?? "").Contains("Large print");
        }, "the case shows the person's adjustment", TimeSpan.FromMinutes(3));
        await team.CheckAsync("case-letters-large-print");
        var letter = t.GetByTestId("letters").GetByRole(AriaRole.Row).Filter(new() { Has = t.GetByTestId("large-print") }).GetByRole(AriaRole.Link).First;
        await letter.ClickAsync();
        Assert.Contains("font-size: 18pt", await t.ContentAsync());
        // And the browser applies it: the document's own style is allowed on this page (18pt = 24px).
        await Expect(t.Locator("body")).ToHaveCSSAsync("font-size", "24px");
        // The letter as it was sent (a document, not one of the workspace's pages): screenshot only.
        await t.ScreenshotAsync(new() { Path = Path.Combine(WebPages.ScreenshotFolder, "large-print-letter.png"), FullPage = true });
    }

    [Fact]
    public async Task A_restriction_shows_wherever_the_persons_contact_or_case_is_opened_and_is_reviewed_from_the_queue()
    {
        var name = $"Rory Restrict {Guid.NewGuid().ToString("N")[..6]}";
        var reference = await Caseworker.SubmitPublicComplaintAsync(platform, "Highway Repair and Maintenance", $"The verge has not been cut ({Guid.NewGuid():N}).", name);
        var today = Today;

        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "restriction");
        var t = team.Page;
        await OpenContactAsync(t, reference);
        await Expect(t.GetByTestId("restriction-banner")).ToHaveCountAsync(0);
        await t.GetByTestId("person-registers").ClickAsync();
        await t.GetByRole(AriaRole.Button, new() { Name = "Record a restriction" }).ClickAsync();
        await Expect(t.GetByRole(AriaRole.Heading, new() { Name = "Record a restriction", Exact = true })).ToBeVisibleAsync();
        await team.CheckAsync("record-restriction");
        await t.GetByLabel("Written contact only").CheckAsync();
        await t.GetByLabel("Why").FillAsync("Over forty calls in a week to the contact centre, some of them abusive");
        await t.GetByLabel("How it works (optional unless other)").FillAsync("Write to the complaints team; calls are not taken for now");
        await Caseworker.DateAsync(t, "From", today);
        await Caseworker.DateAsync(t, "Review by", today.AddDays(20));
        await t.GetByRole(AriaRole.Button, new() { Name = "Record a restriction" }).ClickAsync();
        await Expect(t.GetByTestId("done")).ToContainTextAsync("Restriction recorded");
        await Expect(t.GetByTestId("restriction-banner")).ToContainTextAsync("Written contact only");
        await team.CheckAsync("restriction-recorded");
        await t.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(t.GetByTestId("restriction-banner")).ToContainTextAsync("Write to the complaints team");
        await team.CheckAsync("contact-with-restriction");

        await TriageAsComplaintAsync(t, "Highway Repair and Maintenance");
        await t.GetByTestId("open-case").ClickAsync();
        await Expect(t.GetByTestId("restriction-banner")).ToContainTextAsync("Written contact only");
        var caseUrl = t.Url;
        await Caseworker.ActAsync(team, "Allocate", async p =>
        {
            await p.GetByLabel("Team").SelectOptionAsync("highways-north");
            await p.GetByLabel("Handler").SelectOptionAsync(CaseworkerJourneyTests.Stage1Handler);
        });

        // The handler does not read the registers, but the case carries the restriction to them.
        await using var priya = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.Stage1Handler, "handler", "restriction-handler");
        await priya.Page.GotoAsync(caseUrl);
        await Caseworker.Until(async () =>
        {
            await priya.Page.ReloadAsync();
            return await priya.Page.GetByTestId("restriction-banner").CountAsync() > 0;
        }, "the handler's case page shows the restriction", TimeSpan.FromMinutes(3));
        await Expect(priya.Page.GetByTestId("restriction-banner")).ToContainTextAsync("Written contact only");
        await priya.CheckAsync("case-with-restriction-as-handler");

        await t.GetByRole(AriaRole.Link, new() { Name = "Reviews due" }).ClickAsync();
        await t.GetByRole(AriaRole.Link, new() { Name = "Due within 30 days" }).ClickAsync();
        var row = t.GetByTestId("reviews-due").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Written contact only");
        await team.CheckAsync("reviews-due");
        await row.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(t.GetByTestId("review-due")).ToContainTextAsync(today.AddDays(20).ToString("d MMMM yyyy"));
        await t.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(t);
        await team.CheckAsync("review-errors");
        await t.GetByLabel("Continue as it is").CheckAsync();
        await Caseworker.DateAsync(t, "Date reviewed", today);
        await Caseworker.DateAsync(t, "Next review by", today.AddMonths(3));
        await t.GetByLabel("Notes (optional)").FillAsync("Calls have stopped; written contact is working");
        await t.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Expect(t.GetByTestId("done")).ToContainTextAsync("Review recorded");
        await Expect(t.GetByTestId("restrictions")).ToContainTextAsync("continued (Calls have stopped; written contact is working)");
        await Expect(t.GetByTestId("restrictions")).ToContainTextAsync(today.AddMonths(3).ToString("d MMM yyyy"));
        await team.CheckAsync("restriction-reviewed");
        await t.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(t.GetByTestId("reviews-due").GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(0);
    }

    private static DateTime Today => TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Date;

    private static async Task OpenContactAsync(IPage t, string reference)
    {
        await t.GotoAsync("/staff/triage");
        await t.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(t.GetByTestId("contact-reference")).ToHaveTextAsync(reference);
    }

    private static async Task TriageAsComplaintAsync(IPage t, string serviceArea)
    {
        await t.GetByLabel("Complaint", new() { Exact = true }).CheckAsync();
        await t.GetByLabel("Stream (complaints)").SelectOptionAsync(new SelectOptionValue { Label = "Corporate" });
        await t.GetByLabel("Service area").SelectOptionAsync(new SelectOptionValue { Label = serviceArea });
        await t.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(t.GetByTestId("done")).ToContainTextAsync("Complaint");
        await Caseworker.Until(async () =>
        {
            if (await t.GetByTestId("open-case").CountAsync() > 0)
            {
                return true;
            }
            await t.ReloadAsync();
            return false;
        }, "the case is opened from the triage");
    }
}
