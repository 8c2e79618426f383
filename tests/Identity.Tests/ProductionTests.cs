using System.Diagnostics;
using System.Net;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Identity.Tests;

/// <summary>What Development allows and Production must not.</summary>
public sealed class ProductionTests
{
    [Fact]
    public async Task In_Production_there_is_no_password_grant_no_dev_client_plain_HTTP_is_refused_and_metadata_must_be_HTTPS()
    {
        await using var host = await IdentityHost.StartAsync(environment: "Production");

        // The provider answers only over HTTPS in Production.
        var (plain, _) = await host.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service-intake",
            ["client_secret"] = IdentityHost.IntakeSecret,
        });
        Assert.Equal(HttpStatusCode.BadRequest, plain);

        using var https = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var discovery = System.Text.Json.JsonDocument.Parse(await https.GetStringAsync("/identity/.well-known/openid-configuration")).RootElement;
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        var password = await https.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "dev-token",
            ["client_secret"] = IdentityHost.DevSecret,
            ["username"] = "administrator",
            ["password"] = "anything-at-all",
        }));
        Assert.NotEqual(HttpStatusCode.OK, password.StatusCode);

        // A service in Production insists on HTTPS metadata, whatever its settings say.
        var jwt = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.True(jwt.RequireHttpsMetadata);
    }

    [Fact]
    public async Task DevToken_refuses_to_run_outside_Development()
    {
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tools", "DevToken", "bin",
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "ComplaintsPlatform.DevToken.dll"));
        var start = new ProcessStartInfo("dotnet", [dll, "--role", Roles.ComplaintsTeam]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(3, process.ExitCode);
        Assert.Contains("Development only", error);
        Assert.Equal("", (await process.StandardOutput.ReadToEndAsync()).Trim());
    }
}
