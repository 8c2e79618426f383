using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Tests.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Tests;

public sealed class ConsumerRecoveryTests
{
    [Fact]
    public async Task Consumer_stopped_mid_batch_resumes_from_its_checkpoint_without_loss_or_duplication()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        var produced = await harness.ProduceAsync(60);
        var first = await harness.StartConsumerAsync("r1");
        await harness.WaitForAppliedAsync(10);

        await first.StopAsync();
        first.Dispose();
        var appliedByFirst = (await harness.AppliedAsync()).Count;

        await harness.StartConsumerAsync("r2");
        await harness.WaitForAppliedAsync(60);
        var applied = await harness.AppliedAsync();
        Harness.AssertExactlyOnce(produced, applied);
        Assert.All(applied.Skip(appliedByFirst), a => Assert.Equal("r2", a.Replica));
    }

    [Fact]
    public async Task Consumer_keeps_reconnecting_while_the_source_is_down_and_catches_up_when_it_returns()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        var source = new Harness.SourceSwitch { Down = true };
        await harness.StartConsumerAsync("r1", source: source);
        var produced = await harness.ProduceAsync(5);

        await Eventually.HoldsAsync(async () => (await harness.AppliedAsync()).Count == 0,
            "nothing is applied while the source is unreachable", TimeSpan.FromMilliseconds(300));
        source.Down = false;

        await harness.WaitForAppliedAsync(5);
        Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
    }

    [Fact]
    public async Task Handler_failure_rolls_back_that_event_and_the_consumer_retries_it_exactly_once()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        var produced = await harness.ProduceAsync(20);
        await harness.StartConsumerAsync("r1", new FailurePlan { FailOnce = 7 });

        await harness.WaitForAppliedAsync(20);
        Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
    }

    [Fact]
    public async Task Reset_checkpoint_and_replay_from_zero_rebuilds_identical_state()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        await harness.StartConsumerAsync("r1");
        await harness.ProduceAsync(30);
        await harness.WaitForAppliedAsync(30);
        var before = await harness.AppliedAsync();

        // What the service's admin RPC does: clear the read model in the same transaction as the reset.
        await using (var db = ConsumerDb.Open(harness.ConsumerConnection))
        {
            await FeedReplay.ResetAsync(db, "reporting", "intake",
                (d, ct) => d.Applied.ExecuteDeleteAsync(ct), CancellationToken.None);
        }
        await Eventually.TrueAsync(async () =>
        {
            var rows = await harness.AppliedAsync();
            return rows.Count == 30 && rows.All(r => r.Seq > before.Max(b => b.Seq));
        }, "the read model is rebuilt");

        var after = await harness.AppliedAsync();
        Assert.Equal(
            before.Select(r => (r.EventId, r.Reference, r.Position)),
            after.Select(r => (r.EventId, r.Reference, r.Position)));
        await using var check = ConsumerDb.Open(harness.ConsumerConnection);
        Assert.Equal(30, await check.Set<ProcessedEvent>().CountAsync());
    }
}
