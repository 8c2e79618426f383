using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>This service's own access token for calls to other services.</summary>
public interface IServiceTokenSource
{
    Task<string> GetAsync(CancellationToken ct);
}

/// <summary>
/// Gets this service's token from the OpenID provider by client credentials, at the token endpoint
/// its discovery document names. Cached until a minute before expiry.
/// </summary>
public sealed class ProviderServiceTokens(IdentityOptions options, IHostEnvironment environment, IHttpClientFactory httpClients)
    : IServiceTokenSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTime RenewAt)? _current;
    private string? _tokenEndpoint;

    /// <summary>The name other services know this one by (Identity:ServiceName; by default the assembly's short name).</summary>
    public string ServiceName { get; } = options.ServiceName
        ?? environment.ApplicationName.Replace("ComplaintsPlatform.", "").ToLowerInvariant();

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } c && c.RenewAt > DateTime.UtcNow)
        {
            return c.Token;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.RenewAt > DateTime.UtcNow)
            {
                return again.Token;
            }
            _current = await FromProviderAsync(ct);
            return _current.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string, DateTime)> FromProviderAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Authority))
        {
            throw new InvalidOperationException("Identity:Authority is required for this service to call others.");
        }
        using var http = httpClients.CreateClient(nameof(ProviderServiceTokens));
        _tokenEndpoint ??= await TokenEndpoint.DiscoverAsync(http, options.Authority, ct);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId ?? throw new InvalidOperationException("Identity:ClientId is required."),
            ["client_secret"] = options.ClientSecret ?? throw new InvalidOperationException("Identity:ClientSecret is required."),
        };
        if (!string.IsNullOrEmpty(options.Scope))
        {
            form["scope"] = options.Scope;
        }
        var (token, expiresIn) = await TokenEndpoint.RequestAsync(http, _tokenEndpoint, form, ct);
        return (token, DateTime.UtcNow.AddSeconds(Math.Max(30, expiresIn - 60)));
    }
}

/// <summary>The provider's token endpoint, found through its discovery document.</summary>
public static class TokenEndpoint
{
    public static async Task<string> DiscoverAsync(HttpClient http, string authority, CancellationToken ct)
    {
        var url = authority.TrimEnd('/') + "/.well-known/openid-configuration";
        using var json = JsonDocument.Parse(await http.GetStringAsync(url, ct));
        return json.RootElement.GetProperty("token_endpoint").GetString()
            ?? throw new InvalidOperationException("The provider's discovery document names no token endpoint.");
    }

    /// <summary>Posts a token request; the access token and its lifetime in seconds, or a clear error.</summary>
    public static async Task<(string AccessToken, int ExpiresIn)> RequestAsync(
        HttpClient http, string tokenEndpoint, IReadOnlyDictionary<string, string> form, CancellationToken ct)
    {
        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(form), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body.Length > 0 ? body : "{}");
        if (!response.IsSuccessStatusCode || !json.RootElement.TryGetProperty("access_token", out var token))
        {
            var error = json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : response.StatusCode.ToString();
            var description = json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            throw new InvalidOperationException($"The identity provider refused the token request: {error} {description}".Trim());
        }
        var expiresIn = json.RootElement.TryGetProperty("expires_in", out var x) ? x.GetInt32() : 300;
        return (token.GetString()!, expiresIn);
    }
}

/// <summary>Adds this service's token to outgoing gRPC calls (register on the gRPC client).</summary>
public sealed class ServiceTokenHandler(IServiceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
