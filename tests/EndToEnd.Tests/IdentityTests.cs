using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Identity.V1;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class IdentityTests(PlatformFixture platform)
{
    [Fact]
    public async Task Any_http_client_gets_a_service_token_by_client_credentials_at_the_gateway_and_calls_through_it()
    {
        // As a non-.NET client would: discovery, then a form post to the token endpoint.
        using var http = new HttpClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync($"{platform.Authority}.well-known/openid-configuration")).RootElement;
        Assert.Equal(platform.Authority, discovery.GetProperty("issuer").GetString());
        using var response = await http.PostAsync(discovery.GetProperty("token_endpoint").GetString(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service-reporting",
            ["client_secret"] = platform.Secret("reporting-client-secret"),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        using var channel = platform.GatewayChannel();
        var configuration = await new CouncilDirectory.CouncilDirectoryClient(channel)
            .GetConfigurationAsync(new GetConfigurationRequest(), Bearer(token));
        Assert.NotEmpty(configuration.Directorates);
    }

    [Fact]
    public async Task A_token_signed_with_the_old_shared_key_is_refused_at_every_service()
    {
        var shared = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Convert.ToHexString(new byte[32]).ToLowerInvariant()));
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = platform.Authority,
            Audience = Claims.PlatformAudience,
            Subject = new ClaimsIdentity([new Claim("sub", "intruder"), new Claim("role", Roles.ComplaintsTeam)]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(shared, SecurityAlgorithms.HmacSha256),
        });
        using var channel = platform.GatewayChannel();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new CouncilDirectory.CouncilDirectoryClient(channel).GetConfigurationAsync(new GetConfigurationRequest(), Bearer(forged)));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_signs_in_with_a_second_factor_and_creates_an_officer_whose_token_carries_the_directory_team()
    {
        // The AppHost generated the first administrator's password; the fixture signed them in once
        // (new password, then an authenticator app), as a council's administrator would.
        // An officer no browser journey signs in as: accounts are made once per platform.
        var created = await platform.Staff.CreateAsync("officer-csc-01", Roles.Handler);
        Assert.Equal("jo.bennett@shire-county.example.gov.uk", created.Account.UserName);

        var officer = platform.Staff.Browser();
        var first = await StaffAccounts.SubmitAsync(officer, "account/sign-in", new() { ["UserName"] = created.Account.UserName, ["Password"] = created.TemporaryPassword });
        Assert.EndsWith("/account/new-password", first.Headers.Location!.ToString());
        await StaffAccounts.SubmitAsync(officer, "account/new-password", new() { ["Password"] = "Children-north-e2e-1", ["Confirm"] = "Children-north-e2e-1" });
        using var http = new HttpClient();
        var token = await DevTokens.ForStaffAsync(http, platform.Authority, platform.Secret("dev-token-client-secret"), created.Account.UserName, "Children-north-e2e-1");
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
        Assert.Equal("officer-csc-01", payload.GetProperty("sub").GetString());
        Assert.Equal("cin-north", payload.GetProperty("team").GetString());
        Assert.Equal("Jo Bennett", payload.GetProperty("name").GetString());
        Assert.True(payload.TryGetProperty("directorate", out _));

        // The administrator's password alone is not enough: the second factor is required.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DevTokens.ForStaffAsync(http, platform.Authority, platform.Secret("dev-token-client-secret"), "administrator", StaffAccounts.AdministratorPassword));
    }

    private static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };
}
