using ComplaintsPlatform.TestInfrastructure;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ComplaintsPlatform.Hosting.Tests;

/// <summary>The probe service hosted exactly as a platform service is: AddPlatformGrpc + MapPlatformEndpoints.</summary>
internal sealed class ProbeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ProbeHost> StartAsync(string databaseConnectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        foreach (var (key, value) in TestIdentity.Settings)
        {
            builder.Configuration[key] = value;
        }
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddPlatformGrpc();
        builder.Services.AddSingleton(NpgsqlDataSource.Create(databaseConnectionString));
        var app = builder.Build();
        app.MapPlatformEndpoints();
        app.MapGrpcService<ProbeService>();
        await app.StartAsync();
        return new ProbeHost(app, logs);
    }

    public Probe.Probe.ProbeClient Client(string? token = null)
    {
        var handler = _app.GetTestServer().CreateHandler();
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = token is null ? handler : new AuthHandler(token) { InnerHandler = handler },
        });
        return new Probe.Probe.ProbeClient(channel);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class AuthHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Authorization = new("Bearer", token);
            return base.SendAsync(request, ct);
        }
    }
}
