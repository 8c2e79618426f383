namespace ComplaintsPlatform.Messaging.Tests;

public sealed class ReplicaTests
{
    [Fact]
    public async Task Of_two_consumer_replicas_only_one_applies_and_the_standby_takes_over_when_it_stops()
    {
        await using var harness = await Harness.CreateAsync();
        await harness.StartFeedAsync();
        var replicas = new Dictionary<string, Microsoft.Extensions.Hosting.IHost>
        {
            ["r1"] = await harness.StartConsumerAsync("r1"),
            ["r2"] = await harness.StartConsumerAsync("r2"),
        };
        var produced = await harness.ProduceAsync(20, "BEFORE");
        await harness.WaitForAppliedAsync(20);
        var active = Assert.Single((await harness.AppliedAsync()).Select(a => a.Replica).Distinct());
        var standby = replicas.Keys.Single(k => k != active);

        await replicas[active].StopAsync();
        produced.AddRange(await harness.ProduceAsync(20, "AFTER"));
        await harness.WaitForAppliedAsync(40);

        var applied = await harness.AppliedAsync();
        Harness.AssertExactlyOnce(produced, applied);
        Assert.All(applied.Skip(20), a => Assert.Equal(standby, a.Replica));
    }
}
