using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The public's pages in real Chromium through the gateway: each page is screenshotted and checked with
/// axe, error states included. Elements are found by role, label or data-testid.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class PublicJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_complaint_with_a_file_and_a_representative_is_received_emailed_and_tracked_from_the_link()
    {
        await using var web = await WebPages.OpenAsync(platform, "complaint");
        var page = web.Page;
        var unique = Guid.NewGuid().ToString("N")[..8];
        var repEmail = $"advocate-{unique}@example.org";

        await page.GotoAsync("/");
        await web.CheckAsync("start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        await web.CheckAsync("kind");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectErrorAsync(page, "What you want to tell us");
        await web.CheckAsync("kind-error");
        await page.GetByLabel("A complaint").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Until(async () =>
        {
            // Intake receives the council's services from CaseWorkflow's feed shortly after start-up.
            if (await page.GetByLabel("Which service is your complaint about?").Locator("option", new() { HasText = "Libraries" }).CountAsync() > 0)
            {
                return true;
            }
            await page.ReloadAsync();
            return false;
        }, "the service list has the council's services");
        await web.CheckAsync("service");
        await page.GetByLabel("Which service is your complaint about?").SelectOptionAsync(new SelectOptionValue { Label = "Libraries" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("details");
        await page.GetByLabel("What happened?").FillAsync($"The mobile library stopped visiting our village without notice ({unique}).");
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByLabel("Year").FillAsync((DateTime.UtcNow.Year + 1).ToString());
        await page.GetByLabel("What would put it right?").FillAsync("Restore the visits.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectErrorAsync(page, "The date must not be in the future");
        await web.CheckAsync("details-future-date");
        await page.GetByLabel("Year").FillAsync((DateTime.UtcNow.Year - 1).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("attachments");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "run.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await ExpectErrorAsync(page, "is not a kind of file we accept");
        await web.CheckAsync("attachments-wrong-type");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = new byte[6 * 1024 * 1024] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await ExpectErrorAsync(page, "The selected file must be smaller than 3 MB");
        await web.CheckAsync("attachments-too-large");
        await page.GetByLabel("Upload a file").SetInputFilesAsync(new FilePayload { Name = "timetable.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 timetable"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await Expect(page.GetByTestId("files")).ToContainTextAsync("timetable.pdf");
        await web.CheckAsync("attachments-added");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("representative");
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("representative-details");
        await page.GetByLabel("Your full name").FillAsync("Sam Advocate");
        await page.GetByLabel("Your relationship to them").FillAsync("advocate");
        await page.GetByLabel("Your email address (optional)").FillAsync(repEmail);
        await page.GetByLabel("To me acting for them in everything about it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectErrorAsync(page, "recorded consent");
        await web.CheckAsync("representative-no-consent");
        await page.GetByLabel("They have agreed to me acting for them").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("person");
        await page.GetByLabel("Full name").FillAsync("Jo Reader");
        await page.GetByLabel("Email address").FillAsync("jo.reader@");
        await page.GetByLabel("By email").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await ExpectErrorAsync(page, "Email address is not a valid email address");
        await web.CheckAsync("person-invalid-email");
        await page.GetByLabel("Email address").FillAsync($"jo.reader-{unique}@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("adjustments");
        await page.GetByLabel("Large print").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("equality");
        await page.GetByLabel("Prefer not to say").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await web.CheckAsync("check-answers");
        await Expect(page.GetByTestId("answers-about")).ToContainTextAsync("timetable.pdf");
        await Expect(page.GetByTestId("answers-representative")).ToContainTextAsync("Sam Advocate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await web.CheckAsync("confirmation");
        var reference = (await page.GetByTestId("reference").InnerTextAsync()).Trim();
        Assert.Matches("^CP-", reference);

        // The receipt goes to the representative (consent to act in everything), with the status link.
        string? link = null;
        await Until(async () =>
        {
            foreach (var message in await WebPages.MessagesAsync(platform))
            {
                if (message.GetProperty("subject").GetString()?.Contains(reference) == true)
                {
                    var text = await WebPages.MessageTextAsync(platform, message.GetProperty("id").GetString()!);
                    link = StatusLink().Match(text) is { Success: true } m ? m.Value.Replace("&amp;", "&") : null;
                    return link is not null;
                }
            }
            return false;
        }, "the receipt with its status link is in the local inbox");

        await page.GotoAsync(link!);
        Assert.DoesNotContain("token=", page.Url);
        await Expect(page.GetByTestId("status-reference")).ToContainTextAsync(reference);
        await web.CheckAsync("status");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add information or files" }).ClickAsync();
        await web.CheckAsync("add-information");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await ExpectErrorAsync(page, "is required");
        await web.CheckAsync("add-information-empty");
        await page.GetByLabel("What would you like to add?").FillAsync("The visits stopped on a Tuesday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Information added" })).ToBeVisibleAsync();
        await web.CheckAsync("information-added");

        // A tampered cookie is no cookie, and a wrong token looks exactly like an unknown reference.
        var cookies = await page.Context.CookiesAsync();
        var status = cookies.Single(c => c.Name == "complaint-status");
        await page.Context.AddCookiesAsync([new Cookie { Name = status.Name, Value = status.Value[..^4] + "AAAA", Domain = status.Domain, Path = status.Path }]);
        await page.GotoAsync("/status");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check the progress of your complaint" })).ToBeVisibleAsync();
        await web.CheckAsync("status-tampered-cookie");
        await page.GotoAsync($"/status/open?reference={reference}&token=not-the-token");
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        var wrongToken = await page.Locator("main").InnerTextAsync();
        await page.GotoAsync("/status/open?reference=CP-1999-999999&token=not-the-token");
        Assert.Equal(wrongToken, await page.Locator("main").InnerTextAsync());
        await web.CheckAsync("status-not-found");
    }

    [Fact]
    public async Task Sending_twice_or_going_back_after_sending_gives_one_reference()
    {
        await using var web = await WebPages.OpenAsync(platform, "double-submit");
        var page = web.Page;
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.GetByLabel("A comment or suggestion").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("What happened?").FillAsync("Please open the library on Sundays.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Pat Twice");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("By email").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip these questions" }).ClickAsync();
        await web.CheckAsync("check-answers");

        // Two sends at once with the page's own form (same cookies, same anti-forgery token), then a click.
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await page.Locator("input[name=__RequestVerificationToken]").Last.InputValueAsync() };
        var url = page.Url;
        var sends = Enumerable.Range(0, 2).Select(_ =>
        {
            var data = page.Context.APIRequest.CreateFormData();
            foreach (var (k, v) in form)
            {
                data.Set(k, v);
            }
            return page.Context.APIRequest.PostAsync(url, new() { Form = data, MaxRedirects = 0 });
        }).ToList();
        foreach (var response in await Task.WhenAll(sends))
        {
            Assert.Equal(302, response.Status);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var reference = (await page.GetByTestId("reference").InnerTextAsync()).Trim();
        await web.CheckAsync("confirmation");
        await page.GoBackAsync();
        await page.GotoAsync(url);
        Assert.Equal(reference, (await page.GetByTestId("reference").InnerTextAsync()).Trim());

        await Until(async () => (await WebPages.MessagesAsync(platform)).Any(m => m.GetProperty("subject").GetString()?.Contains(reference) == true),
            "the receipt arrives");
        var receipts = (await WebPages.MessagesAsync(platform)).Count(m =>
            m.GetProperty("to").EnumerateArray().Any(t => t.GetString()?.Contains(email) == true));
        Assert.Equal(1, receipts);
    }

    [Fact]
    public async Task The_form_can_be_filled_by_keyboard_alone_at_320_pixels_wide()
    {
        await using var web = await WebPages.OpenAsync(platform, "keyboard", width: 320);
        var page = web.Page;
        await page.GotoAsync("/");
        await web.CheckAsync("start-320");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 320 px");

        await FocusByTabAsync(page, "Start now");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/kind$"), new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await FocusByTabAsync(page, "A complaint");
        await page.Keyboard.PressAsync("Space");
        await FocusByTabAsync(page, "Continue");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/service$"), new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await web.CheckAsync("service-320");
        await FocusByTabAsync(page, "Continue");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/details$"), new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await FocusByTabAsync(page, "What happened?");
        await page.Keyboard.TypeAsync("The bin was not collected.");
        await FocusByTabAsync(page, "Continue");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/attachments$"), new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await web.CheckAsync("attachments-320");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 320 px");
    }

    // Tabs forward until the element with this accessible name has the focus.
    private static async Task FocusByTabAsync(IPage page, string name)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "(() => { const e = document.activeElement; if (!e) return ''; const l = e.labels && e.labels[0]; return (l ? l.innerText : e.innerText || e.value || '').trim(); })()");
            if (focused.StartsWith(name, StringComparison.Ordinal))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached '{name}' on {page.Url}");
    }

    private static async Task ExpectErrorAsync(IPage page, string text)
    {
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(text);
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(500);
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/status/open\?reference=[^\s""<>&]+&(amp;)?token=[^\s""<>]+")]
    private static partial Regex StatusLink();
}
