using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>The steps the caseworker journeys share: a public complaint, an action taken through its form, findings, dates.</summary>
public static class Caseworker
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>A complaint through the public form (no representative, by email); returns its reference.</summary>
    public static async Task<string> SubmitPublicComplaintAsync(PlatformFixture platform, string service, string description, string name = "Dana Driver")
    {
        await using var web = await WebPages.OpenAsync(platform, "caseworker-public");
        var page = web.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.GetByLabel("A complaint").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var services = page.GetByLabel("Which service is your complaint about?");
        await Until(async () =>
        {
            if (await services.Locator("option", new() { HasText = service }).CountAsync() > 0)
            {
                return true;
            }
            await page.ReloadAsync();
            return false;
        }, "the service list has the council's services");
        await services.SelectOptionAsync(new SelectOptionValue { Label = service });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What happened?").FillAsync(description);
        await page.GetByLabel("What would put it right?").FillAsync("Repair it properly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync($"dana-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("By email").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip these questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        return (await page.GetByTestId("reference").InnerTextAsync()).Trim();
    }

    /// <summary>From the case page: opens the action's form, checks it, fills it, submits it and checks the case page it returns to.</summary>
    public static async Task ActAsync(WebPages web, string action, Func<IPage, Task> fill)
    {
        var page = web.Page;
        var slug = action.ToLowerInvariant().Replace(' ', '-');
        await page.GetByTestId("case-actions").GetByRole(AriaRole.Link, new() { Name = action, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = action, Exact = true })).ToBeVisibleAsync();
        await web.CheckAsync($"{slug}-form");
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        // A background change (a reminder, a fact from another service) may move the case on while the
        // form is open: the page refuses the stale revision and keeps what was typed; the officer, having
        // checked, submits again, as the message asks.
        var stale = page.GetByText("This case changed since you opened it");
        await Expect(page.GetByTestId("done").Or(stale)).ToBeVisibleAsync();
        if (await stale.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        }
        await Expect(page.GetByTestId("done")).ToBeVisibleAsync();
        await web.CheckAsync($"{slug}-done");
    }

    /// <summary>The same finding for every issue and overall, and the response's words.</summary>
    public static async Task FindingsAsync(IPage page, string finding, string text)
    {
        var groups = page.GetByRole(AriaRole.Group).Filter(new() { HasText = "Finding on:" });
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            await groups.Nth(i).GetByLabel(finding, new() { Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Group, new() { Name = "Overall finding" }).GetByLabel(finding, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("The response").FillAsync(text);
    }

    public static async Task DateAsync(IPage page, string legend, DateTime date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString());
        await group.GetByLabel("Month").FillAsync(date.Month.ToString());
        await group.GetByLabel("Year").FillAsync(date.Year.ToString());
    }

    public static async Task ExpectErrorAsync(IPage page, string? text = null)
    {
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary).ToBeVisibleAsync();
        if (text is not null)
        {
            await Expect(summary).ToContainTextAsync(text);
        }
    }

    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(500);
        }
    }
}
