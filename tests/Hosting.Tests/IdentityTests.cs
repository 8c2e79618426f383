using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Hosting.Tests.Probe;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
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
        var forged = TokenIssuer.Issue(
            new IdentityOptions { Issuer = TestIdentity.Options.Issuer, Audience = TestIdentity.Options.Audience, SigningKey = new string('x', 40) },
            "intruder", [Roles.ComplaintsTeam]);
        var ex = Assert.Throws<RpcException>(() => _host.Client(forged).TeamOnly(new WhoAmIRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public void An_expired_token_is_refused()
    {
        var expired = TokenIssuer.Issue(TestIdentity.Options, "officer-1", [Roles.ComplaintsTeam], lifetime: TimeSpan.FromMinutes(-5));
        var ex = Assert.Throws<RpcException>(() => _host.Client(expired).TeamOnly(new WhoAmIRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }
}
