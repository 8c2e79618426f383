using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using Google.Protobuf.WellKnownTypes;

namespace ComplaintsPlatform.Messaging.Tests.Synthetic;

/// <summary>Which consumer replica (test host) applied an event.</summary>
public sealed record ReplicaTag(string Name);

/// <summary>Makes the handler fail once on the n-th event it sees, as a crash mid-batch would.</summary>
public sealed class FailurePlan
{
    private int _seen;

    public int FailOnce { get; init; }

    public bool ShouldFail() => FailOnce > 0 && Interlocked.Increment(ref _seen) == FailOnce;
}

/// <summary>The synthetic read model: one row per application, so a duplicate would show.</summary>
public sealed class RecordingHandler(ReplicaTag replica, FailurePlan failures) : IFeedEventHandler<ConsumerDb>
{
    public Task HandleAsync(ConsumerDb db, FeedEvent evt, CancellationToken ct)
    {
        if (failures.ShouldFail())
        {
            throw new InvalidOperationException("Simulated handler crash.");
        }
        db.Applied.Add(new AppliedContact
        {
            EventId = Guid.Parse(evt.EventId),
            Reference = evt.Payload.Unpack<StringValue>().Value,
            Position = evt.Position,
            Replica = replica.Name,
        });
        return Task.CompletedTask;
    }
}
