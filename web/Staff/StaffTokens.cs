using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>
/// The signed-in officer's own access token for calls to the services (never one of the web's own),
/// renewed with the refresh token when it is about to expire; and the session's end, renewed on request.
/// </summary>
public sealed class StaffTokens(IHttpContextAccessor http, IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc,
    IConfiguration configuration, TimeProvider clock, ILogger<StaffTokens> logger)
{
    public async Task<CallOptions> CallOptionsAsync(CancellationToken ct)
    {
        var context = http.HttpContext!;
        var result = await context.AuthenticateAsync(StaffSignIn.CookieScheme);
        var properties = result.Properties;
        var token = properties?.GetTokenValue("access_token");
        if (properties is not null && DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
            && expires < clock.GetUtcNow().AddMinutes(1))
        {
            token = await RefreshAsync(result, ct) ?? token;
        }
        return new CallOptions(new Metadata { { "Authorization", $"Bearer {token}" } }, cancellationToken: ct);
    }

    /// <summary>"Stay signed in": a new session end, and fresh tokens where the provider gives them.</summary>
    public async Task ExtendAsync(CancellationToken ct)
    {
        var context = http.HttpContext!;
        var result = await context.AuthenticateAsync(StaffSignIn.CookieScheme);
        if (!result.Succeeded)
        {
            return;
        }
        if (await RefreshAsync(result, ct) is null)
        {
            await ReissueAsync(result);
        }
    }

    private async Task<string?> RefreshAsync(AuthenticateResult result, CancellationToken ct)
    {
        var properties = result.Properties!;
        if (properties.GetTokenValue("refresh_token") is not { Length: > 0 } refresh)
        {
            return null;
        }
        var options = oidc.Get(StaffSignIn.OidcScheme);
        if (options.ConfigurationManager is null)
        {
            return null;
        }
        var metadata = await options.ConfigurationManager.GetConfigurationAsync(ct);
        using var response = await clients.CreateClient(nameof(StaffTokens)).PostAsync(metadata.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret ?? "",
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Refreshing the officer's token failed: {Status}", (int)response.StatusCode);
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var access = json.RootElement.GetProperty("access_token").GetString()!;
        var expiresIn = json.RootElement.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 300;
        properties.UpdateTokenValue("access_token", access);
        properties.UpdateTokenValue("expires_at", clock.GetUtcNow().AddSeconds(expiresIn).ToString("o", CultureInfo.InvariantCulture));
        if (json.RootElement.TryGetProperty("refresh_token", out var r) && r.GetString() is { Length: > 0 } newRefresh)
        {
            properties.UpdateTokenValue("refresh_token", newRefresh);
        }
        await ReissueAsync(result);
        return access;
    }

    private Task ReissueAsync(AuthenticateResult result)
    {
        var properties = result.Properties!;
        properties.IssuedUtc = clock.GetUtcNow();
        properties.ExpiresUtc = clock.GetUtcNow() + StaffSignIn.SessionLength(configuration);
        return http.HttpContext!.SignInAsync(StaffSignIn.CookieScheme, result.Principal!, properties);
    }
}
