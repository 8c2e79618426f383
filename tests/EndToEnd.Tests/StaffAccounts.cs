using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Identity.V1;
using Grpc.Core;
using OtpNet;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// Staff accounts on the running platform, made as a council would: the first administrator signs
/// in once with the password the AppHost generated (new password, authenticator app), then creates
/// officers' accounts through the Accounts RPCs.
/// </summary>
public sealed class StaffAccounts(PlatformFixture platform)
{
    public const string AdministratorPassword = "Administrator-e2e-2026";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Totp? _adminTotp;

    public async Task<Totp> AdministratorSecondFactorAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_adminTotp is null)
            {
                var browser = Browser();
                await SubmitAsync(browser, "account/sign-in", new() { ["UserName"] = "administrator", ["Password"] = platform.Secret("identity-admin-password") });
                await SubmitAsync(browser, "account/new-password", new() { ["Password"] = AdministratorPassword, ["Confirm"] = AdministratorPassword });
                _adminTotp = TotpFrom(await browser.GetStringAsync("account/set-up-second-factor"));
                var done = await SubmitAsync(browser, "account/set-up-second-factor", new() { ["Code"] = _adminTotp.ComputeTotp() });
                if (done.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException("The first administrator could not finish signing in.");
                }
            }
            return _adminTotp;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> AdministratorTokenAsync()
    {
        var totp = await AdministratorSecondFactorAsync();
        using var http = new HttpClient();
        // A code is good once per 30-second step: wait for a fresh one if the last was just used.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await DevTokens.ForStaffAsync(http, platform.Authority, platform.Secret("dev-token-client-secret"),
                    "administrator", AdministratorPassword, totp.ComputeTotp());
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds() + 1));
            }
        }
    }

    /// <summary>A new officer's account; its temporary password must be changed at first sign-in.</summary>
    public async Task<CreateAccountReply> CreateAsync(string officerId, params string[] roles)
    {
        using var channel = platform.GatewayChannel();
        var accounts = new Accounts.AccountsClient(channel);
        var headers = new Metadata { { "Authorization", "Bearer " + await AdministratorTokenAsync() } };
        return await accounts.CreateAccountAsync(new CreateAccountRequest { OfficerId = officerId, Roles = { roles } }, headers);
    }

    private readonly Dictionary<string, string> _signedIn = [];
    private readonly SemaphoreSlim _signInGate = new(1, 1);

    /// <summary>
    /// A browser page signed in to the staff workspace as this officer in this role, for a journey's
    /// screenshots and axe checks. The officer's account is made and signed in (new password, and an
    /// authenticator for the roles that need a second factor) once per collection; later pages reuse the session's cookies,
    /// with or without JavaScript.
    /// </summary>
    public async Task<WebPages> SignedInAsync(string officerId, string role, string journey, bool javaScript = true)
    {
        await _signInGate.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(officerId, out var state))
            {
                var account = await CreateAsync(officerId, role);
                await using var first = await WebPages.OpenAsync(platform, $"{journey}-sign-in");
                var page = first.Page;
                await page.GotoAsync("/staff/");
                await page.GetByLabel("User name").FillAsync(account.Account.UserName);
                await page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.TemporaryPassword);
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                var password = $"Officer-{officerId}-e2e-2026";
                await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
                await page.GetByLabel("Confirm new password").FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
                if (role is "complaints_team" or "administrator" or "data_protection_officer")
                {
                    var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
                    await page.GetByLabel("Security code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
                    await page.GetByRole(AriaRole.Button, new() { Name = "Turn on and continue" }).ClickAsync();
                }
                await Assertions.Expect(page.GetByTestId("staff-name")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                state = await page.Context.StorageStateAsync();
                _signedIn[officerId] = state;
            }
            return await WebPages.OpenAsync(platform, journey, storageState: state, javaScript: javaScript);
        }
        finally
        {
            _signInGate.Release();
        }
    }

    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(platform.Authority),
    };

    public static Totp TotpFrom(string setUpPage) =>
        new(Base32Encoding.ToBytes(Regex.Match(setUpPage, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant()));

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string page, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }
}
