using System.Net;
using System.Text.Json;

namespace ComplaintsPlatform.Identity.Tests;

public sealed class ClientCredentialsTests : IAsyncLifetime
{
    private IdentityHost _host = null!;

    public async Task InitializeAsync() => _host = await IdentityHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<(HttpStatusCode Status, JsonElement Body)> ServiceToken(string clientId, string secret, Dictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        foreach (var (k, v) in extra ?? [])
        {
            form[k] = v;
        }
        return _host.TokenAsync(form);
    }

    [Fact]
    public async Task A_service_gets_a_signed_unencrypted_RS256_access_token_naming_itself_for_the_platform_audience()
    {
        var (status, body) = await ServiceToken("service-intake", IdentityHost.IntakeSecret);

        Assert.Equal(HttpStatusCode.OK, status);
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(3, token.Split('.').Length);
        var header = Jwt.Header(token);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        var payload = Jwt.Payload(token);
        Assert.Equal("service:intake", payload.GetProperty("sub").GetString());
        Assert.Equal(["service"], Jwt.Values(payload, "role"));
        Assert.Equal(["complaints-platform"], Jwt.Values(payload, "aud"));
        Assert.Equal(IdentityHost.Issuer, payload.GetProperty("iss").GetString());
        Assert.True(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64() <= 3600);

        using var http = _host.CreateClient();
        var jwks = JsonDocument.Parse(await http.GetStringAsync("/identity/.well-known/jwks")).RootElement;
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), k => Assert.Equal("RSA", k.GetProperty("kty").GetString()));
    }

    [Fact]
    public async Task A_service_cannot_obtain_another_services_identity()
    {
        var (wrongSecret, _) = await ServiceToken("service-reporting", IdentityHost.IntakeSecret);
        Assert.NotEqual(HttpStatusCode.OK, wrongSecret);

        // Asking for another subject changes nothing: the subject comes from the authenticated client.
        var (status, body) = await ServiceToken("service-intake", IdentityHost.IntakeSecret, new() { ["sub"] = "service:reporting", ["role"] = "complaints_team" });
        Assert.Equal(HttpStatusCode.OK, status);
        var payload = Jwt.Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal("service:intake", payload.GetProperty("sub").GetString());
        Assert.Equal(["service"], Jwt.Values(payload, "role"));
    }

    [Fact]
    public async Task An_unknown_client_or_a_wrong_secret_is_refused()
    {
        var (unknown, unknownBody) = await ServiceToken("nobody", "x");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);
        Assert.Equal("invalid_client", unknownBody.GetProperty("error").GetString());
        var (wrong, wrongBody) = await ServiceToken("service-intake", "wrong-secret");
        Assert.NotEqual(HttpStatusCode.OK, wrong);
        Assert.Equal("invalid_client", wrongBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_discovery_document_offers_code_with_PKCE_client_credentials_and_refresh_but_no_implicit_grant()
    {
        using var http = _host.CreateClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/identity/.well-known/openid-configuration")).RootElement;

        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.DoesNotContain("implicit", grants);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(IdentityHost.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(IdentityHost.Issuer + "connect/token", discovery.GetProperty("token_endpoint").GetString());
    }
}
