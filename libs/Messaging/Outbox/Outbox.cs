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
        ArgumentNullException.ThrowIfNull(payload);
        var staged = new OutboxEvent
        {
            EventId = Guid.CreateVersion7(),
            EventType = payload.Descriptor.FullName,
            Payload = Any.Pack(payload).ToByteArray(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<OutboxEvent>().Add(staged);
        return staged;
    }
}
