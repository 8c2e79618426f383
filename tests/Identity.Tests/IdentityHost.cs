using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintsPlatform.Identity.Tests;

/// <summary>The identity provider on the test server over a database of its own, in the environment a test names.</summary>
public sealed class IdentityHost(TestDatabase database, TestRedis redis, string environment, FakeTimeProvider? clock)
    : ServiceFactory<Program>(database, redis)
{
    public const string Issuer = "http://localhost/identity/";
    public const string DevSecret = "dev-client-secret-for-tests-0123456789";
    public const string IntakeSecret = "intake-client-secret-for-tests-0123456789";
    public const string ReportingSecret = "reporting-client-secret-for-tests-0123456789";

    public static async Task<IdentityHost> StartAsync(string environment = "Development", FakeTimeProvider? clock = null, TestDatabase? database = null,
        IDictionary<string, string?>? settings = null)
    {
        var infra = await Infrastructure.GetAsync();
        var host = new IdentityHost(database ?? await infra.Postgres.CreateDatabaseAsync(), infra.Redis, environment, clock);
        host.Settings["Identity:Issuer"] = Issuer;
        host.Settings["Identity:DevClientSecret"] = DevSecret;
        host.Settings["Identity:ServiceClients:intake"] = IntakeSecret;
        host.Settings["Identity:ServiceClients:reporting"] = ReportingSecret;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            host.Settings[key] = value;
        }
        _ = host.Server;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        if (clock is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        using var http = CreateClient();
        using var response = await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text.Length > 0 ? text : "{}").RootElement.Clone());
    }

    public async Task<string> DevTokenAsync(string role, string subject)
    {
        var (status, body) = await TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "dev-token",
            ["client_secret"] = DevSecret,
            ["role"] = role,
            ["sub"] = subject,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Posts a form on a page as a browser would, with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string page, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }
}
