using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// A compliment in Chromium: an officer records one a member of the public gave them (praise between
/// staff is refused), the person agrees to be quoted, and the complaints team sees it counted by
/// service and in the sample of quotable compliments. Every page is screenshotted and checked with axe.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ComplimentsJourneyTests(PlatformFixture platform)
{
    public const string Officer = "officer-lib-02"; // Lee Carter, Libraries

    [Fact]
    public async Task A_compliment_is_recorded_by_staff_marked_quotable_and_counted_by_service()
    {
        var words = $"The library staff helped my son find every book for his project ({Guid.NewGuid():N})";
        var quote = $"Helpful, patient and kind {Random.Shared.Next(1000, 9999)}";
        await using var web = await platform.Staff.SignedInAsync(Officer, "staff", "compliment");
        var page = web.Page;

        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compliments", Exact = true }).ClickAsync();
        await web.CheckAsync("compliments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a compliment" }).ClickAsync();

        // Praise between staff is not logged: the service says so and nothing is recorded.
        await page.GetByLabel("Council staff", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Libraries" });
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Libraries team" });
        await page.GetByLabel("How it came").SelectOptionAsync(new SelectOptionValue { Label = "Email" });
        await Caseworker.DateAsync(page, "Date received", DateTime.UtcNow.Date.AddDays(-2));
        await page.GetByLabel("What they said").FillAsync(words);
        await page.GetByRole(AriaRole.Group, new() { Name = "Have they agreed to be quoted?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the compliment" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(page, "staff");
        await web.CheckAsync("staff-praise-refused");

        await page.GetByLabel("A member of the public", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the compliment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Success" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("compliment")).ToContainTextAsync(words);
        await web.CheckAsync("recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Consent to quote" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Have they agreed to be quoted?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("Words to quote (with consent only)").FillAsync(quote);
        await web.CheckAsync("consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the consent" }).ClickAsync();
        await Expect(page.GetByTestId("compliment")).ToContainTextAsync(quote);
        await web.CheckAsync("quotable");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Expect(page.GetByTestId("compliments").GetByRole(AriaRole.Row).Filter(new() { HasText = words[..40] })).ToContainTextAsync("Quotable");

        // The complaints team: counted by service, and in the quotable sample.
        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "compliment-team");
        var t = team.Page;
        await t.GotoAsync("/staff/compliments");
        await Expect(t.GetByTestId("counts").GetByRole(AriaRole.Row).Filter(new() { HasText = "Libraries" })).ToBeVisibleAsync();
        await Expect(t.GetByTestId("quotable")).ToContainTextAsync(quote);
        await team.CheckAsync("counts-and-quotes");
    }
}
