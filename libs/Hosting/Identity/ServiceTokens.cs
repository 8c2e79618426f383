using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>
/// This service's own token for calls to other services. With the platform's signing key it signs
/// one itself; with an OpenID provider it uses the client-credentials grant. Cached until near expiry.
/// </summary>
public sealed class ServiceTokenSource(IdentityOptions options, IHostEnvironment environment, IHttpClientFactory httpClients)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTime RenewAt)? _current;

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
            _current = string.IsNullOrEmpty(options.Authority)
                ? (TokenIssuer.Issue(options, Claims.ServicePrefix + ServiceName, [Roles.Service], lifetime: TimeSpan.FromMinutes(30)),
                    DateTime.UtcNow.AddMinutes(25))
                : await FromProviderAsync(ct);
            return _current.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string, DateTime)> FromProviderAsync(CancellationToken ct)
    {
        using var http = httpClients.CreateClient(nameof(ServiceTokenSource));
        var tokenEndpoint = options.Authority!.TrimEnd('/') + "/oauth2/v2.0/token";
        using var response = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId ?? throw new InvalidOperationException("Identity:ClientId is required."),
            ["client_secret"] = options.ClientSecret ?? throw new InvalidOperationException("Identity:ClientSecret is required."),
            ["scope"] = options.Scope ?? options.Audience + "/.default",
        }), ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        var expiresIn = json.RootElement.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 300;
        return (token, DateTime.UtcNow.AddSeconds(Math.Max(30, expiresIn - 60)));
    }
}

/// <summary>Adds this service's token to outgoing gRPC calls (register on the gRPC client).</summary>
public sealed class ServiceTokenHandler(ServiceTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
