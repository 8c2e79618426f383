using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>The web's headers, its refusal of forged forms, and the staff pages before an identity provider is configured.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WebSafetyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_page_carries_a_nonce_CSP_without_unsafe_inline_script_and_no_framing_or_sniffing()
    {
        using var http = new HttpClient { BaseAddress = platform.GatewayHttp };
        using var response = await http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var nonce = csp.Split("'nonce-")[1].Split("'")[0];
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_and_starts_nothing()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.GatewayHttp };
        using var forged = await http.PostAsync("/contact/start", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }

    [Fact]
    public async Task A_staff_page_without_a_session_sends_the_officer_to_the_providers_sign_in()
    {
        await using var web = await WebPages.OpenAsync(platform, "staff");
        await web.Page.GotoAsync("/staff");
        await Expect(web.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/identity/account/sign-in"));
        await Expect(web.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
