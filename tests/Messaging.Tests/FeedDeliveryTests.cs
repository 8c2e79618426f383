using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Messaging.Tests.Synthetic;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Tests;

public sealed class FeedDeliveryTests
{
    [Fact]
    public async Task Events_reach_the_consumer_over_the_grpc_feed_and_a_redelivery_changes_nothing()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync((await Infrastructure.GetAsync()).Redis.ConnectionString);
        await harness.StartConsumerAsync("r1");
        var produced = await harness.ProduceAsync(10);
        await harness.WaitForAppliedAsync(10);

        // Rewind the checkpoint but keep the processed ids: the feed delivers events 1-10 again.
        await using (var db = ConsumerDb.Open(harness.ConsumerConnection))
        {
            await db.Set<FeedCheckpoint>().ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 0));
        }
        produced.AddRange(await harness.ProduceAsync(1, "LATE"));
        await harness.WaitForAppliedAsync(11);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = ConsumerDb.Open(harness.ConsumerConnection);
            return await db.Set<FeedCheckpoint>().Select(c => c.Position).SingleAsync() == 11;
        }, "the checkpoint is back at the head");

        Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
    }

    [Fact]
    public async Task A_commit_wakes_the_sequencer_so_events_arrive_long_before_its_next_poll()
    {
        await using var harness = await Harness.CreateAsync();
        // Ten minutes between polls: only the outbox's commit notification can deliver within the wait below.
        await harness.StartFeedAsync(pollInterval: TimeSpan.FromMinutes(10));
        await harness.StartConsumerAsync("r1");
        await harness.ProduceAsync(1, "FIRST");
        await harness.WaitForAppliedAsync(1);

        for (var i = 1; i <= 3; i++)
        {
            await Task.Delay(300); // the sequencer is idle again, waiting on its poll or a notice
            await harness.ProduceAsync(1, $"NEXT{i}");
            await Eventually.TrueAsync(async () => (await harness.AppliedAsync()).Count == 1 + i,
                $"event {1 + i} applied on its commit's notice", TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task A_commit_through_the_services_own_context_wakes_its_sequencer_without_any_notification()
    {
        await using var harness = await Harness.CreateAsync();
        // Ten minutes between polls and no trigger: only the in-process announcement after commit can deliver in time.
        await harness.StartFeedAsync(pollInterval: TimeSpan.FromMinutes(10));
        await harness.DropCommitNotificationAsync();
        await harness.StartConsumerAsync("r1");
        var produced = new List<Guid>();
        for (var i = 1; i <= 4; i++)
        {
            await Task.Delay(300); // the sequencer is idle again, waiting on its poll or an announcement
            produced.AddRange(await harness.ProduceThroughServiceAsync(1 + i % 2, $"IN{i}"));
            await Eventually.TrueAsync(async () => (await harness.AppliedAsync()).Count == produced.Count,
                $"events up to {produced.Count} applied on their commit's announcement", TimeSpan.FromSeconds(10));
        }
        Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
    }

    [Fact]
    public async Task Out_of_order_commits_deliver_every_event_exactly_once_and_none_before_the_earlier_commit()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        await harness.StartConsumerAsync("r1");
        var produced = await harness.ProduceAsync(1, "FIRST");
        await harness.WaitForAppliedAsync(1);

        await using var a = ProducerDb.Open(harness.ProducerConnection);
        await using var txA = await a.Database.BeginTransactionAsync();
        var eventA = harness.Stage(a, "A");
        await a.SaveChangesAsync();
        produced.Add(eventA.EventId);
        produced.AddRange(await harness.ProduceAsync(3, "AFTER-A"));

        // A naive "id > last seen" relay would deliver the later commits now and skip A for ever.
        await Eventually.HoldsAsync(async () => (await harness.AppliedAsync()).Count == 1,
            "nothing is delivered past the open transaction", TimeSpan.FromMilliseconds(400));

        await txA.CommitAsync();
        await harness.WaitForAppliedAsync(5);
        var applied = await harness.AppliedAsync();
        Harness.AssertExactlyOnce(produced, applied);
        Assert.Equal(eventA.EventId, applied[1].EventId);
    }

    [Fact]
    public async Task Feed_refuses_callers_that_are_not_its_configured_consumers()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();

        // "caseworkflow" was a default in code; configuration Feed:Consumers replaced the list.
        foreach (var token in new[] { TestIdentity.Token("complaints_team"), TestIdentity.ServiceToken("caseworkflow") })
        {
            var client = Client(harness, token);
            var head = await Assert.ThrowsAsync<RpcException>(async () => await client.GetHeadAsync(new GetHeadRequest()));
            Assert.Equal(StatusCode.PermissionDenied, head.StatusCode);
            using var call = client.Subscribe(new SubscribeRequest { StopWhenCaughtUp = true });
            var stream = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.PermissionDenied, stream.StatusCode);
        }
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await Client(harness, null).GetHeadAsync(new GetHeadRequest()));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        await harness.ProduceAsync(2);
        var reporting = Client(harness, TestIdentity.ServiceToken("reporting"));
        await Eventually.TrueAsync(async () => (await reporting.GetHeadAsync(new GetHeadRequest())).HeadPosition == 2,
            "the consumer sees the head move");
        using var allowed = reporting.Subscribe(new SubscribeRequest { AfterPosition = 1, StopWhenCaughtUp = true });
        var events = new List<FeedEvent>();
        await foreach (var evt in allowed.ResponseStream.ReadAllAsync())
        {
            events.Add(evt);
        }
        Assert.Equal([2L], events.Select(e => e.Position));
    }

    [Fact]
    public async Task Feed_delivers_with_redis_stopped()
    {
        var redis = await TestRedis.StartAsync();
        try
        {
            await using var harness = await Harness.CreateAsync();
            await harness.StartFeedAsync(redis.ConnectionString);
            redis.Stop();
            await harness.StartConsumerAsync("r1");
            var produced = await harness.ProduceAsync(5);
            await harness.WaitForAppliedAsync(5);
            Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
        }
        finally
        {
            redis.Dispose();
        }
    }

    private static EventFeed.EventFeedClient Client(Harness harness, string? token)
    {
        HttpMessageHandler handler = harness.Feed!.CreateHandler();
        if (token is not null)
        {
            handler = new BearerHandler(token, handler);
        }
        var channel = GrpcChannel.ForAddress(harness.Feed.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
        return new EventFeed.EventFeedClient(channel);
    }

    private sealed class BearerHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Authorization = new("Bearer", token);
            return base.SendAsync(request, ct);
        }
    }
}
