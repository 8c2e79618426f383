namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>
/// Tokens from the provider for local tools, tests and benchmarks: a client's own by client
/// credentials, or, from a provider running in Development only, one for any role through the
/// dev-token client.
/// </summary>
public static class DevTokens
{
    public const string ClientId = "dev-token";

    /// <summary>The provider's address when the platform runs with its defaults.</summary>
    public const string DefaultAuthority = "http://localhost:8080/identity/";

    public static async Task<string> ForClientAsync(HttpClient http, string authority, string clientId, string secret, CancellationToken ct = default)
    {
        var endpoint = await TokenEndpoint.DiscoverAsync(http, authority, ct);
        var (token, _) = await TokenEndpoint.RequestAsync(http, endpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }, ct);
        return token;
    }

    public static async Task<string> ForRoleAsync(
        HttpClient http, string authority, string devClientSecret, string role,
        string? subject = null, string? team = null, string? directorate = null, CancellationToken ct = default)
    {
        var endpoint = await TokenEndpoint.DiscoverAsync(http, authority, ct);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = devClientSecret,
            ["role"] = role,
            ["sub"] = subject ?? $"dev-{role.Replace('_', '-')}",
        };
        if (!string.IsNullOrEmpty(team))
        {
            form["team"] = team;
        }
        if (!string.IsNullOrEmpty(directorate))
        {
            form["directorate"] = directorate;
        }
        var (token, _) = await TokenEndpoint.RequestAsync(http, endpoint, form, ct);
        return token;
    }

    /// <summary>A staff officer's own sign-in by password (and second-factor code), which the provider allows in Development only.</summary>
    public static async Task<string> ForStaffAsync(
        HttpClient http, string authority, string devClientSecret, string userName, string password, string? oneTimeCode = null, CancellationToken ct = default)
    {
        var endpoint = await TokenEndpoint.DiscoverAsync(http, authority, ct);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = ClientId,
            ["client_secret"] = devClientSecret,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "openid profile roles",
        };
        if (!string.IsNullOrEmpty(oneTimeCode))
        {
            form["otp"] = oneTimeCode;
        }
        var (token, _) = await TokenEndpoint.RequestAsync(http, endpoint, form, ct);
        return token;
    }
}
