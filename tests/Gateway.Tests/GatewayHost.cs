using System.Text.Json;
using ComplaintsPlatform.LocalInfrastructure;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintsPlatform.Gateway.Tests;

/// <summary>
/// The gateway project itself on the test server, with its own appsettings, trusting the tests'
/// token key. Every cluster's destination is a closed port: a backend that is down.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<Program>
{
    public Dictionary<string, string?> Settings { get; } = new();

    public static GatewayHost Start(IDictionary<string, string?>? settings = null, bool trustTestTokens = true)
    {
        var host = new GatewayHost();
        var closed = FreePort.Next();
        foreach (var (cluster, destination) in Clusters())
        {
            host.Settings[$"ReverseProxy:Clusters:{cluster}:Destinations:{destination}:Address"] = $"http://127.0.0.1:{closed}";
        }
        foreach (var (key, value) in trustTestTokens ? TestIdentity.Settings : new Dictionary<string, string?>())
        {
            host.Settings[key] = value;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            host.Settings[key] = value;
        }
        _ = host.Server;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public GrpcChannel Channel(string? bearer = null)
    {
        HttpMessageHandler handler = Server.CreateHandler();
        if (bearer is not null)
        {
            handler = new Bearer(bearer, handler);
        }
        return GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
    }

    /// <summary>The gateway's appsettings.json as shipped.</summary>
    public static JsonDocument ShippedSettings()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
            {
                return JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "gateway", "appsettings.json")));
            }
        }
        throw new InvalidOperationException("ComplaintsPlatform.sln not found above the test's output folder.");
    }

    private static IEnumerable<(string Cluster, string Destination)> Clusters()
    {
        using var json = ShippedSettings();
        foreach (var cluster in json.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject())
        {
            foreach (var destination in cluster.Value.GetProperty("Destinations").EnumerateObject())
            {
                yield return (cluster.Name, destination.Name);
            }
        }
    }

    private sealed class Bearer(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
