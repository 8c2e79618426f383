using System.Net;
using ComplaintsPlatform.Identity.Data;
using ComplaintsPlatform.Identity.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace ComplaintsPlatform.Identity.Tests;

public sealed class StaffAccountTests : IAsyncLifetime
{
    private IdentityHost _host = null!;
    private V1.Accounts.AccountsClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await IdentityHost.StartAsync();
        _admin = new V1.Accounts.AccountsClient(_host.CreateChannel(await _host.DevTokenAsync("administrator", "admin-1")));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Only_an_administrator_manages_accounts()
    {
        var teamMember = new V1.Accounts.AccountsClient(_host.CreateChannel(await _host.DevTokenAsync("complaints_team", "officer-9")));
        var ex = await Assert.ThrowsAsync<RpcException>(() => teamMember.ListAccountsAsync(new ListAccountsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);

        var anonymous = new V1.Accounts.AccountsClient(_host.CreateChannel());
        ex = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListAccountsAsync(new ListAccountsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_and_nothing_is_created()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _admin.CreateAccountAsync(new CreateAccountRequest { OfficerId = "officer-x", Roles = { "superuser" } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(() => _admin.GetAccountAsync(new GetAccountRequest { OfficerId = "officer-x" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task A_new_officer_chooses_a_password_at_first_sign_in_and_then_gets_tokens_with_their_id_and_roles()
    {
        var created = await _admin.CreateAccountAsync(new CreateAccountRequest { OfficerId = "officer-hwy-01", UserName = "priya", Roles = { "handler" } });

        var (refused, body) = await PasswordGrantAsync("priya", created.TemporaryPassword);
        Assert.NotEqual(HttpStatusCode.OK, refused);

        var browser = _host.Browser();
        var signIn = await SignInAsync(browser, "priya", created.TemporaryPassword);
        Assert.EndsWith("/account/new-password", signIn.Headers.Location!.ToString());
        var changed = await IdentityHost.SubmitAsync(browser, "/identity/account/new-password", new() { ["Password"] = "Highways-north-2026", ["Confirm"] = "Highways-north-2026" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.EndsWith("/account/signed-in", changed.Headers.Location!.ToString());

        var (status, token) = await PasswordGrantAsync("priya", "Highways-north-2026");
        Assert.Equal(HttpStatusCode.OK, status);
        var payload = Jwt.Payload(token.GetProperty("access_token").GetString()!);
        Assert.Equal("officer-hwy-01", payload.GetProperty("sub").GetString());
        Assert.Equal(["handler"], Jwt.Values(payload, "role"));
        Assert.Equal(["complaints-platform"], Jwt.Values(payload, "aud"));

        var kinds = await AuditKindsAsync("officer-hwy-01");
        Assert.Contains("account_created", kinds);
        Assert.Contains("password_changed", kinds);
        Assert.Contains("sign_in_succeeded", kinds);
    }

    [Fact]
    public async Task The_complaints_team_must_set_up_and_use_a_second_factor()
    {
        var created = await _admin.CreateAccountAsync(new CreateAccountRequest { OfficerId = "officer-cpt-01", UserName = "alex", Roles = { "complaints_team" } });
        var browser = _host.Browser();
        await SignInAsync(browser, "alex", created.TemporaryPassword);
        var changed = await IdentityHost.SubmitAsync(browser, "/identity/account/new-password", new() { ["Password"] = "Complaints-team-2026", ["Confirm"] = "Complaints-team-2026" });
        Assert.EndsWith("/account/set-up-second-factor", changed.Headers.Location!.ToString());

        var page = await browser.GetStringAsync("/identity/account/set-up-second-factor");
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        var wrong = await IdentityHost.SubmitAsync(browser, "/identity/account/set-up-second-factor", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("There is a problem", await wrong.Content.ReadAsStringAsync());

        var totp = new Totp(Base32Encoding.ToBytes(key));
        var done = await IdentityHost.SubmitAsync(browser, "/identity/account/set-up-second-factor", new() { ["Code"] = totp.ComputeTotp() });
        Assert.EndsWith("/account/signed-in", done.Headers.Location!.ToString());

        // From now on the second factor is asked for at every sign-in.
        var fresh = _host.Browser();
        var next = await SignInAsync(fresh, "alex", "Complaints-team-2026");
        Assert.EndsWith("/account/second-factor", next.Headers.Location!.ToString());

        Assert.NotEqual(HttpStatusCode.OK, (await PasswordGrantAsync("alex", "Complaints-team-2026")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PasswordGrantAsync("alex", "Complaints-team-2026", totp.ComputeTotp())).Status);
        Assert.Contains("second_factor_enabled", await AuditKindsAsync("officer-cpt-01"));
    }

    [Fact]
    public async Task A_data_protection_officer_gets_the_role_in_tokens_and_must_set_up_a_second_factor()
    {
        var created = await _admin.CreateAccountAsync(new CreateAccountRequest { OfficerId = "officer-dpo-01", UserName = "jordan", Roles = { "data_protection_officer" } });
        Assert.True(created.Account.SecondFactorRequired);
        Assert.Equal(["data_protection_officer"], created.Account.Roles);

        var browser = _host.Browser();
        await SignInAsync(browser, "jordan", created.TemporaryPassword);
        var changed = await IdentityHost.SubmitAsync(browser, "/identity/account/new-password", new() { ["Password"] = "Data-protection-2026", ["Confirm"] = "Data-protection-2026" });
        Assert.EndsWith("/account/set-up-second-factor", changed.Headers.Location!.ToString());
        var page = await browser.GetStringAsync("/identity/account/set-up-second-factor");
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"authenticator-key\">([^<]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await IdentityHost.SubmitAsync(browser, "/identity/account/set-up-second-factor", new() { ["Code"] = totp.ComputeTotp() });

        Assert.NotEqual(HttpStatusCode.OK, (await PasswordGrantAsync("jordan", "Data-protection-2026")).Status);
        var (status, token) = await PasswordGrantAsync("jordan", "Data-protection-2026", totp.ComputeTotp());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["data_protection_officer"], Jwt.Values(Jwt.Payload(token.GetProperty("access_token").GetString()!), "role"));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_every_attempt_is_audited_without_the_password()
    {
        var created = await _admin.CreateAccountAsync(new CreateAccountRequest { OfficerId = "officer-lib-01", UserName = "sam", Roles = { "staff" } });
        var browser = _host.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await SignInAsync(browser, "sam", "not-the-password-" + i);
            if (i < 4)
            {
                Assert.Contains("The user name or password is incorrect", await wrong.Content.ReadAsStringAsync());
            }
        }
        var locked = await SignInAsync(browser, "sam", created.TemporaryPassword);
        Assert.EndsWith("/account/locked", locked.Headers.Location!.ToString());

        var kinds = await AuditKindsAsync("officer-lib-01");
        Assert.Contains("sign_in_failed", kinds);
        Assert.Contains("locked_out", kinds);
        await using var scope = _host.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().AuditEntries.ToListAsync();
        Assert.DoesNotContain(entries, e => e.Detail.Contains("not-the-password") || e.Detail.Contains(created.TemporaryPassword));
        Assert.DoesNotContain(_host.Logs.Lines, m => m.Contains("not-the-password") || m.Contains(created.TemporaryPassword));
    }

    [Fact]
    public async Task A_disabled_accounts_refresh_token_stops_working_at_once()
    {
        var created = await _admin.CreateAccountAsync(new CreateAccountRequest { OfficerId = "officer-asc-01", UserName = "chris", Roles = { "handler" } });
        var browser = _host.Browser();
        await SignInAsync(browser, "chris", created.TemporaryPassword);
        await IdentityHost.SubmitAsync(browser, "/identity/account/new-password", new() { ["Password"] = "Adult-social-care-2026", ["Confirm"] = "Adult-social-care-2026" });
        var (_, tokens) = await PasswordGrantAsync("chris", "Adult-social-care-2026", scope: "openid offline_access");
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(refresh)).Status);

        await _admin.DisableAccountAsync(new DisableAccountRequest { OfficerId = "officer-asc-01", Reason = "left the council" });

        var (status, body) = await RefreshAsync(refresh);
        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.NotEqual(HttpStatusCode.OK, (await PasswordGrantAsync("chris", "Adult-social-care-2026")).Status);
        Assert.Contains("account_disabled", await AuditKindsAsync("officer-asc-01"));
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password) =>
        await IdentityHost.SubmitAsync(browser, "/identity/account/sign-in", new() { ["UserName"] = user, ["Password"] = password });

    private Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> PasswordGrantAsync(string user, string password, string? otp = null, string scope = "openid")
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "dev-token",
            ["client_secret"] = IdentityHost.DevSecret,
            ["username"] = user,
            ["password"] = password,
            ["scope"] = scope,
        };
        if (otp is not null)
        {
            form["otp"] = otp;
        }
        return _host.TokenAsync(form);
    }

    private Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> RefreshAsync(string refreshToken) => _host.TokenAsync(new()
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = "dev-token",
        ["client_secret"] = IdentityHost.DevSecret,
        ["refresh_token"] = refreshToken,
    });

    private async Task<List<string>> AuditKindsAsync(string subject) =>
        (await _admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Subject = subject })).Entries.Select(e => e.Kind).ToList();
}
