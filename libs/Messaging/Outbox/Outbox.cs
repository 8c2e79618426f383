using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>Stages events in the caller's DbContext; they are saved by the caller's own SaveChanges and transaction.</summary>
public interface IOutbox
{
    OutboxEvent Add(DbContext db, IMessage payload);
}

public sealed class Outbox(TimeProvider clock) : IOutbox
{
    public OutboxEvent Add(DbContext db, IMessage payload)
    {
        var staged = Event(payload, clock.GetUtcNow().UtcDateTime);
        db.Set<OutboxEvent>().Add(staged);
        return staged;
    }

    /// <summary>An outbox row for <paramref name="payload"/>, for a writer that inserts it itself in the change's transaction.</summary>
    public static OutboxEvent Event(IMessage payload, DateTime recordedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new OutboxEvent
        {
            EventId = Guid.CreateVersion7(),
            EventType = payload.Descriptor.FullName,
            Payload = Any.Pack(payload).ToByteArray(),
            RecordedAt = recordedAt,
        };
    }
}
