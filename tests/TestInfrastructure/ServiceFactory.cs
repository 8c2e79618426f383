using ComplaintsPlatform.Hosting.Identity;
using Grpc.Net.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// A service under test on the in-memory test server, against a real PostgreSQL database of its
/// own and the real Redis, called through a gRPC channel on the test server's handler.
/// </summary>
public class ServiceFactory<TProgram>(TestDatabase database, TestRedis redis) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public TestDatabase Database => database;

    /// <summary>Everything the service logged, for tests that look for what must never be logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra configuration a test wants on top of the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Intake:StatusTokenKey"] = "tests-only-status-token-key-0123456789",
            // Tests run retention themselves (RunRetention with as_of), never on the daily timer.
            ["Retention:Daily"] = "false",
        };
        foreach (var (name, value) in database.ConnectionStrings)
        {
            settings[$"ConnectionStrings:{name}"] = value;
        }
        foreach (var (key, value) in TestIdentity.Settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        // Settings as command-line-level configuration so they win over appsettings.json.
        builder.UseSetting("ConnectionStrings:redis", redis.ConnectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IServiceTokenSource>();
            services.AddSingleton<IServiceTokenSource, TestServiceTokens>();
            // Every call on Redis is counted (CountingMultiplexer.Of(Services)), to prove when none is made.
            CountingMultiplexer.Decorate(services);
        });
    }

    public GrpcChannel CreateChannel(string? bearerToken = null)
    {
        var handler = Server.CreateHandler();
        return GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = bearerToken is null ? handler : new BearerHandler(bearerToken, handler),
        });
    }

    private sealed class BearerHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
