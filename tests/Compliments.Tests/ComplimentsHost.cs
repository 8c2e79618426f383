using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>
/// Compliments on the test server over a database of its own, following in-memory Intake and
/// CaseWorkflow feeds. Starts once CaseWorkflow's council configuration has been applied.
/// </summary>
public sealed class ComplimentsHost : ServiceFactory<Program>
{
    private ComplimentsHost(TestDatabase database, TestRedis redis, FakeFeed intake, FakeFeed caseWorkflow) : base(database, redis)
    {
        Intake = intake;
        CaseWorkflow = caseWorkflow;
    }

    public FakeFeed Intake { get; }

    public FakeFeed CaseWorkflow { get; }

    public static async Task<ComplimentsHost> StartAsync()
    {
        var infra = await Infrastructure.GetAsync();
        var intake = await FakeFeed.StartAsync();
        var caseWorkflow = await FakeFeed.StartAsync();
        caseWorkflow.Publish(Council.Configuration);
        var host = new ComplimentsHost(await infra.Postgres.CreateDatabaseAsync(), infra.Redis, intake, caseWorkflow);
        host.Settings["Feeds:intake:Address"] = "http://localhost";
        host.Settings["Feeds:caseworkflow:Address"] = "http://localhost";
        _ = host.Server;
        await host.WaitForFeedAsync("caseworkflow", caseWorkflow.Head);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // The library names each consumer's gRPC client "feed:<source>:<consumer>".
            services.AddHttpClient("feed:intake:compliments").ConfigurePrimaryHttpMessageHandler(() => Intake.Server.CreateHandler());
            services.AddHttpClient("feed:caseworkflow:compliments").ConfigurePrimaryHttpMessageHandler(() => CaseWorkflow.Server.CreateHandler());
        });
    }

    public async Task<T> WithDbAsync<T>(Func<ComplimentsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ComplimentsDbContext>());
    }

    /// <summary>Waits until this service has applied <paramref name="source"/>'s feed up to <paramref name="position"/>.</summary>
    public Task WaitForFeedAsync(string source, long position) => Eventually.TrueAsync(
        () => WithDbAsync(db => db.Set<FeedCheckpoint>().AnyAsync(c => c.Consumer == "compliments" && c.Source == source && c.Position >= position)),
        $"the {source} feed is applied up to position {position}");

    /// <summary>The events staged on this service's own feed, unpacked.</summary>
    public Task<List<Any>> OutboxAsync() => WithDbAsync(async db =>
        (await db.Set<OutboxEvent>().OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync()).ConvertAll(Any.Parser.ParseFrom));

    public async Task<List<T>> OutboxAsync<T>() where T : Google.Protobuf.IMessage, new() =>
        (await OutboxAsync()).Where(a => a.Is(new T().Descriptor)).Select(a => a.Unpack<T>()).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Intake.DisposeAsync();
        await CaseWorkflow.DisposeAsync();
    }
}
