using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// An officer of the complaints team signs in to the staff workspace in Chromium at the platform's
/// provider: a refused wrong password, a new password, an authenticator app set up, then the
/// workspace with their name and role; sign-out; and a second sign-in asking for the code.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StaffSignInTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_complaints_team_officer_signs_in_with_a_second_factor_sees_the_workspace_and_signs_out()
    {
        var account = await platform.Staff.CreateAsync("officer-cpt-01", "complaints_team");
        await using var web = await WebPages.OpenAsync(platform, "staff-sign-in");
        var page = web.Page;

        await page.GotoAsync("/staff/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await web.CheckAsync("provider-sign-in");

        await page.GetByLabel("User name").FillAsync(account.Account.UserName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText("The user name or password is incorrect").First).ToBeVisibleAsync();
        await web.CheckAsync("provider-wrong-password");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.TemporaryPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await web.CheckAsync("provider-new-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Complaints-team-browser-1");
        await page.GetByLabel("Confirm new password").FillAsync("Complaints-team-browser-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app" })).ToBeVisibleAsync();
        await web.CheckAsync("provider-set-up-second-factor");
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByLabel("Security code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on and continue" }).ClickAsync();

        await Expect(page.GetByTestId("staff-name")).ToHaveTextAsync("Alex Morgan", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("staff-session")).ToContainTextAsync("Complaints team");
        await web.CheckAsync("staff-home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading).First).ToContainTextAsync("signed out", new() { IgnoreCase = true, Timeout = 30_000 });
        await web.CheckAsync("signed-out");

        // Signing in again asks for the code from the app.
        await page.GotoAsync("/staff/");
        await page.GetByLabel("User name").FillAsync(account.Account.UserName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Complaints-team-browser-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" })).ToBeVisibleAsync();
        await web.CheckAsync("provider-second-factor");
        await page.GetByLabel("Security code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByText("Enter the 6-digit code").First).ToBeVisibleAsync();
        await web.CheckAsync("provider-second-factor-wrong");
        await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds() + 1));
        await page.GetByLabel("Security code").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByTestId("staff-name")).ToHaveTextAsync("Alex Morgan", new() { Timeout = 30_000 });
    }
}
