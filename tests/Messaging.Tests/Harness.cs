using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Messaging.Tests.Synthetic;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ComplaintsPlatform.Messaging.Tests;

/// <summary>
/// One test's world: a fresh database with the per-service logins, the producer's feed on a test
/// server, consumer replicas as generic hosts calling it over gRPC, and helpers to read both sides.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly IOutbox _outbox = new Outbox.Outbox(TimeProvider.System);

    private Harness(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public TestServer? Feed { get; private set; }

    public string ProducerConnection => Database.ConnectionStrings["intake-db"];

    public string ConsumerConnection => Database.ConnectionStrings["reporting-db"];

    public static async Task<Harness> CreateAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        return new Harness(await infrastructure.Postgres.CreateDatabaseAsync());
    }

    public async Task StartFeedAsync(string? redisConnection = null, TimeSpan? pollInterval = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestIdentity.Settings)
        {
            ["ConnectionStrings:intake-db"] = ProducerConnection,
            ["Feed:Consumers:0"] = "reporting",
            ["Feed:PollInterval"] = (pollInterval ?? TimeSpan.FromMilliseconds(50)).ToString("c"),
        });
        if (redisConnection is not null)
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(await ConnectionMultiplexer.ConnectAsync(redisConnection));
        }
        builder.AddServiceDatabase<ProducerDb>("intake-db", ProducerDb.Schema);
        builder.AddPlatformGrpc();
        builder.AddOutbox<ProducerDb>("intake", "caseworkflow");
        var app = builder.Build();
        app.MapPlatformEndpoints();
        app.MapEventFeed<ProducerDb>();
        await app.StartAsync();
        _owned.Add(app);
        Feed = app.GetTestServer();
    }

    /// <summary>A replica of the consuming service "reporting", following the intake feed.</summary>
    public async Task<IHost> StartConsumerAsync(string replica, FailurePlan? failures = null, SourceSwitch? source = null)
    {
        var feed = Feed ?? throw new InvalidOperationException("Start the feed first.");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "ComplaintsPlatform.Reporting",
            EnvironmentName = "Testing",
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestIdentity.Settings)
        {
            ["ConnectionStrings:reporting-db"] = ConsumerConnection,
            ["Feeds:intake:Address"] = feed.BaseAddress.ToString(),
        });
        builder.Services.AddSingleton(new ReplicaTag(replica));
        builder.Services.AddSingleton(failures ?? new FailurePlan());
        builder.AddServiceDatabase<ConsumerDb>("reporting-db", ConsumerDb.Schema);
        builder.Services.AddSingleton<IServiceTokenSource, TestServiceTokens>();
        builder.AddPlatformIdentity();
        builder.AddFeedConsumer<ConsumerDb, RecordingHandler>("intake", "reporting", s =>
            {
                s.StandbyRetry = TimeSpan.FromMilliseconds(100);
                s.InitialBackoff = TimeSpan.FromMilliseconds(50);
                s.LeaseCheck = TimeSpan.FromMilliseconds(500);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SourceHandler(source ?? new SourceSwitch(), feed.CreateHandler()));
        var host = builder.Build();
        await host.StartAsync();
        _owned.Add(new HostLifetime(host));
        return host;
    }

    /// <summary>Records contacts, each with its event, in one committed transaction.</summary>
    public async Task<List<Guid>> ProduceAsync(int count, string prefix = "C")
    {
        await using var db = ProducerDb.Open(ProducerConnection);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            ids.Add(Stage(db, $"{prefix}-{i:D4}").EventId);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        return ids;
    }

    /// <summary>
    /// As <see cref="ProduceAsync"/>, through the feed service's own context (as its RPCs write), half
    /// in explicit transactions and half as a plain SaveChanges.
    /// </summary>
    public async Task<List<Guid>> ProduceThroughServiceAsync(int count, string prefix)
    {
        var feed = Feed ?? throw new InvalidOperationException("Start the feed first.");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = feed.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProducerDb>();
            if (i % 2 == 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                ids.Add(Stage(db, $"{prefix}-{i:D4}").EventId);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            }
            else
            {
                ids.Add(Stage(db, $"{prefix}-{i:D4}").EventId);
                await db.SaveChangesAsync();
            }
        }
        return ids;
    }

    /// <summary>Removes the outbox's commit notification (as Intake's schema has), leaving the in-process announcement alone.</summary>
    public async Task DropCommitNotificationAsync()
    {
        await using var db = ProducerDb.Open(ProducerConnection);
        await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER outbox_events_notify ON \"{ProducerDb.Schema}\".outbox_events");
    }

    /// <summary>A contact and its event, staged in <paramref name="db"/> for the caller's SaveChanges.</summary>
    public OutboxEvent Stage(ProducerDb db, string reference)
    {
        db.Contacts.Add(new Contact { Id = Guid.NewGuid(), Reference = reference });
        return _outbox.Add(db, new StringValue { Value = reference });
    }

    public async Task<List<AppliedContact>> AppliedAsync()
    {
        await using var db = ConsumerDb.Open(ConsumerConnection);
        return await db.Applied.AsNoTracking().OrderBy(a => a.Seq).ToListAsync();
    }

    public async Task WaitForAppliedAsync(int count) =>
        await Eventually.TrueAsync(async () => (await AppliedAsync()).Count >= count, $"{count} events are applied");

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }

    /// <summary>Asserts each produced event was applied exactly once, in feed order.</summary>
    public static void AssertExactlyOnce(IReadOnlyCollection<Guid> produced, IReadOnlyList<AppliedContact> applied)
    {
        Assert.Equal(produced.Count, applied.Count);
        Assert.Equal(produced.OrderBy(g => g), applied.Select(a => a.EventId).OrderBy(g => g));
        Assert.Equal(Enumerable.Range(1, applied.Count).Select(i => (long)i), applied.Select(a => a.Position));
    }

    /// <summary>Takes the source service "down" for the consumer: connections fail as with a stopped server.</summary>
    public sealed class SourceSwitch
    {
        public volatile bool Down;
    }

    private sealed class SourceHandler(SourceSwitch source, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            source.Down
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (simulated)."))
                : base.SendAsync(request, ct);
    }

    private sealed class HostLifetime(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(5));
            }
            catch (ObjectDisposedException)
            {
                // Already stopped by the test.
            }
            host.Dispose();
        }
    }
}
