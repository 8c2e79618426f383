using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Hosting.Tests.Probe;
using ComplaintsPlatform.TestInfrastructure;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class IdentityTests : IAsyncLifetime
{
    private ProbeHost _host = null!;

    public async Task InitializeAsync()
    {
        var infra = await Infrastructure.GetAsync();
        _host = await ProbeHost.StartAsync(infra.Postgres.AdminConnectionString());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Anonymous_calls_are_refused_with_UNAUTHENTICATED()
    {
        var ex = Assert.Throws<RpcException>(() => _host.Client().WhoAmI(new WhoAmIRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public void Anonymous_calls_reach_an_rpc_marked_public()
    {
        Assert.Equal("", _host.Client().Public(new WhoAmIRequest()).Subject);
    }

    [Fact]
    public void A_token_with_the_wrong_role_is_refused_with_PERMISSION_DENIED()
    {
        var ex = Assert.Throws<RpcException>(() =>
            _host.Client(TestIdentity.Token(Roles.Handler)).TeamOnly(new WhoAmIRequest()));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public void The_caller_carries_officer_id_roles_team_and_directorate_from_the_token()
    {
        var reply = _host.Client(TestIdentity.Token(Roles.Handler, "officer-42", "highways-north", "environment-transport"))
            .WhoAmI(new WhoAmIRequest());

        Assert.Equal("officer-42", reply.Subject);
        Assert.Equal([Roles.Handler], reply.Roles);
        Assert.Equal("highways-north", reply.Team);
        Assert.Equal("environment-transport", reply.Directorate);
        Assert.Equal("", reply.ServiceName);
    }

    [Fact]
    public void A_service_principal_is_known_by_its_service_name()
    {
        var reply = _host.Client(TestIdentity.ServiceToken("reporting")).Public(new WhoAmIRequest());
        Assert.Equal("reporting", reply.ServiceName);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        using var other = RSA.Create(2048);
        var forged = TestIdentity.Issue("intruder", [Roles.ComplaintsTeam],
            signing: new SigningCredentials(new RsaSecurityKey(other) { KeyId = "tests" }, SecurityAlgorithms.RsaSha256));
        AssertRefused(forged);
    }

    [Fact]
    public void An_expired_token_is_refused()
    {
        AssertRefused(TestIdentity.Issue("officer-1", [Roles.ComplaintsTeam], lifetime: TimeSpan.FromMinutes(-5)));
    }

    [Fact]
    public void A_token_from_another_issuer_is_refused()
    {
        AssertRefused(TestIdentity.Issue("officer-1", [Roles.ComplaintsTeam], issuer: "https://elsewhere.invalid/"));
    }

    [Fact]
    public void A_token_for_another_audience_is_refused()
    {
        AssertRefused(TestIdentity.Issue("officer-1", [Roles.ComplaintsTeam], audience: "another-api"));
    }

    [Fact]
    public void An_unsigned_token_with_alg_none_is_refused()
    {
        var signed = TestIdentity.Token(Roles.ComplaintsTeam).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        AssertRefused($"{header}.{signed[1]}.");
    }

    [Fact]
    public void A_token_with_a_tampered_payload_is_refused()
    {
        var parts = TestIdentity.Token(Roles.Handler).Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"handler\"", "\"complaints_team\"");
        AssertRefused($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
    }

    [Fact]
    public void An_HS256_token_signed_with_the_old_shared_key_is_refused()
    {
        // What any holder of the former platform-wide key could mint: refused, since only asymmetric signatures validate.
        var shared = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("tests-only-signing-key-0123456789abcdef"));
        AssertRefused(TestIdentity.Issue("intruder", [Roles.ComplaintsTeam], signing: new SigningCredentials(shared, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public void A_token_with_an_empty_subject_is_refused()
    {
        AssertRefused(TestIdentity.Issue("", [Roles.ComplaintsTeam]));
    }

    [Fact]
    public void A_token_that_validated_is_remembered_by_its_hash_and_a_tampered_twin_is_still_refused()
    {
        var tokens = _host.Services.GetRequiredService<ValidatedTokens>();
        var token = TestIdentity.Token(Roles.Handler, "officer-remembered", "highways-north", "environment-transport");
        Assert.Null(tokens.Find(token));

        var first = _host.Client(token).WhoAmI(new WhoAmIRequest());
        Assert.NotNull(tokens.Find(token));
        var second = _host.Client(token).WhoAmI(new WhoAmIRequest());

        // The remembered principal answers exactly as the validated one did.
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal("officer-remembered", second.Subject);
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"handler\"", "\"complaints_team\"");
        AssertRefused($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
        // Its roles still decide: a handler's remembered token does not reach a team-only RPC.
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => _host.Client(token).TeamOnly(new WhoAmIRequest())).StatusCode);
    }

    [Fact]
    public void A_token_that_failed_is_never_remembered()
    {
        var tokens = _host.Services.GetRequiredService<ValidatedTokens>();
        var empty = TestIdentity.Issue("", [Roles.ComplaintsTeam]);
        AssertRefused(empty);
        Assert.Null(tokens.Find(empty));
        AssertRefused(empty);
    }

    private void AssertRefused(string token)
    {
        var ex = Assert.Throws<RpcException>(() => _host.Client(token).TeamOnly(new WhoAmIRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }
}
