using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Identity.Tests;

/// <summary>
/// Every Accounts RPC answers every principal as tests/AccessMatrix/access-matrix.csv says, with
/// tokens the provider itself issues (it trusts no other key).
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private IdentityHost _host = null!;

    private static readonly string[] s_otherServices = ["caseworkflow", "ombudsman", "compliments"];

    public async Task InitializeAsync() => _host = await IdentityHost.StartAsync(settings:
        s_otherServices.ToDictionary(s => $"Identity:ServiceClients:{s}", s => (string?)Secret(s)));

    private static string Secret(string service) => $"{service}-client-secret-for-tests-0123456789";

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task Every_rpc_answers_every_principal_as_the_access_matrix_says() => AccessMatrix.VerifyAsync("identity",
        ["complaints.identity.v1.Accounts"], _host.CreateChannel(), CredentialsAsync);

    private async Task<Metadata?> CredentialsAsync(string principal)
    {
        switch (principal)
        {
            case "anonymous":
                return null;
            case "api_key":
                return new Metadata { { "x-api-key", "rpk_not_a_real_key" } };
            case "service:intake":
                return await ClientAsync("service-intake", IdentityHost.IntakeSecret);
            case "service:reporting":
                return await ClientAsync("service-reporting", IdentityHost.ReportingSecret);
            case var _ when principal.StartsWith("service:", StringComparison.Ordinal) && s_otherServices.Contains(principal["service:".Length..]):
                return await ClientAsync("service-" + principal["service:".Length..], Secret(principal["service:".Length..]));
            case "service:identity":
                return null; // the provider is no client of itself
            default:
                return AccessMatrix.Bearer(await _host.DevTokenAsync(principal, "matrix-" + principal.Replace('_', '-')));
        }
    }

    private async Task<Metadata> ClientAsync(string clientId, string secret)
    {
        var (_, body) = await _host.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        return AccessMatrix.Bearer(body.GetProperty("access_token").GetString()!);
    }

    [Fact]
    public Task No_rpc_accepts_text_over_the_platforms_ceiling() => AccessMatrix.VerifyTextLimitsAsync("identity",
        _host.CreateChannel(), CredentialsAsync);
}
