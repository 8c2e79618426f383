using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Tests.Synthetic;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintsPlatform.Messaging.Tests;

public sealed class BatchingTests
{
    // Rows written in one transaction share its id (xmin): fewer ids than rows means several events per transaction.
    private static async Task<long> TransactionsAsync(Harness harness)
    {
        await using var conn = new NpgsqlConnection(harness.ConsumerConnection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(DISTINCT xmin::text) FROM reporting.applied_contacts", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Events_waiting_in_the_feed_are_applied_several_per_transaction_each_exactly_once_with_its_inbox_row()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        var produced = await harness.ProduceAsync(150);
        await harness.StartConsumerAsync("r1");

        await harness.WaitForAppliedAsync(150);
        Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
        Assert.InRange(await TransactionsAsync(harness), 1, 50);
        await using var db = ConsumerDb.Open(harness.ConsumerConnection);
        Assert.Equal(150, await db.Set<ProcessedEvent>().CountAsync());
        Assert.Equal(150, await db.Set<FeedCheckpoint>().Where(c => c.Consumer == "reporting").Select(c => c.Position).SingleAsync());
    }

    [Fact]
    public async Task A_failing_event_rolls_back_its_whole_batch_and_the_events_are_then_applied_one_by_one_exactly_once()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        var produced = await harness.ProduceAsync(40);
        await harness.StartConsumerAsync("r1", new FailurePlan { FailOnce = 25 });

        await harness.WaitForAppliedAsync(40);
        await Eventually.HoldsAsync(async () => (await harness.AppliedAsync()).Count == 40,
            "no event is applied twice after the failed batch", TimeSpan.FromMilliseconds(300));
        Harness.AssertExactlyOnce(produced, await harness.AppliedAsync());
        await using var db = ConsumerDb.Open(harness.ConsumerConnection);
        Assert.Equal(40, await db.Set<ProcessedEvent>().CountAsync());
    }
}
