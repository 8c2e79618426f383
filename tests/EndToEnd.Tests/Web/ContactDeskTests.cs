using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>The complaints team logs a phoned-in complaint with the time it really arrived, then finds it by postcode.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContactDeskTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_phoned_in_complaint_is_logged_with_its_arrival_time_and_found_by_postcode()
    {
        var postcode = $"SH{Random.Shared.Next(10, 99)} {Random.Shared.Next(1, 9)}QZ";
        var yesterday = DateTime.UtcNow.AddDays(-1);
        await using var team = await platform.Staff.SignedInAsync(CaseworkerJourneyTests.TeamOfficer, "complaints_team", "contact-desk");
        var page = team.Page;

        await page.GotoAsync("/staff/log-contact");
        await team.CheckAsync("log-contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the contact" }).ClickAsync();
        await Caseworker.ExpectErrorAsync(page);
        await team.CheckAsync("log-contact-errors");

        await page.GetByLabel("Complaint", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Phone", new() { Exact = true }).First.CheckAsync();
        await Caseworker.DateAsync(page, "When it arrived", yesterday);
        await page.GetByLabel("At what time").FillAsync("16:45");
        await page.GetByLabel("The person's name").FillAsync("Robin Caller");
        await page.GetByLabel("Phone number").FillAsync("07700 900777");
        await page.GetByLabel("Address line").FillAsync("9 Church Street");
        await page.GetByLabel("Town or city").FillAsync("Shiretown");
        await page.GetByLabel("Postcode").FillAsync(postcode);
        await page.GetByRole(AriaRole.Group, new() { Name = "How they want to be contacted" }).GetByLabel("Phone").CheckAsync();
        await page.GetByLabel("What happened").FillAsync("The grass verge outside the school has not been cut all summer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the contact" }).ClickAsync();
        await Expect(page.GetByTestId("logged")).ToBeVisibleAsync();
        var reference = (await page.GetByTestId("contact-reference").InnerTextAsync()).Trim();
        await team.CheckAsync("contact-logged");

        await page.GotoAsync("/staff/search");
        await page.GetByLabel("Postcode").FillAsync(postcode.ToLowerInvariant().Replace(" ", ""));
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("results")).ToContainTextAsync(reference);
        await Expect(page.GetByTestId("results")).ToContainTextAsync("4:45pm");
        await team.CheckAsync("search-by-postcode");
    }
}
