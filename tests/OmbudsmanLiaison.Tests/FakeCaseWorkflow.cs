using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>CaseWorkflow's CaseLookup as a remote service on its own in-memory server: the cases it knows, or down.</summary>
public sealed class FakeCaseWorkflow : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Dictionary<string, FoundCase> Cases { get; } = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public List<string> CallerTokens { get; } = [];

    public static async Task<FakeCaseWorkflow> StartAsync()
    {
        var fake = new FakeCaseWorkflow();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(fake);
        fake._app = builder.Build();
        fake._app.MapGrpcService<FakeCaseLookup>();
        await fake._app.StartAsync();
        return fake;
    }

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class FakeCaseLookup(FakeCaseWorkflow fake) : CaseLookup.CaseLookupBase
    {
        public override Task<FoundCase> FindCase(FindCaseRequest request, ServerCallContext context)
        {
            fake.CallerTokens.Add(context.RequestHeaders.GetValue("authorization") ?? "");
            if (fake.Down)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "down"));
            }
            return fake.Cases.TryGetValue(request.Reference, out var found)
                ? Task.FromResult(found)
                : throw new RpcException(new Status(StatusCode.NotFound, "no such case"));
        }
    }
}
