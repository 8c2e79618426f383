using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// The rows one batch of history adds, kept out of EF's change tracker (thousands per batch) for
/// <see cref="BulkInsert"/>. As the case publisher's outbox it stages each event as the outbox does:
/// a new event id, the payload's full name and its bytes packed as Any, the time it was staged.
/// </summary>
internal sealed class StagedRows(TimeProvider clock) : IOutbox
{
    private List<object> _rows = [];

    public int Count => _rows.Count;

    public void Add(object row) => _rows.Add(row);

    public OutboxEvent Add(DbContext db, IMessage payload)
    {
        var staged = new OutboxEvent
        {
            EventId = Guid.CreateVersion7(),
            EventType = payload.Descriptor.FullName,
            Payload = Any.Pack(payload).ToByteArray(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        _rows.Add(staged);
        return staged;
    }

    /// <summary>The rows so far, leaving the stage empty for the next batch.</summary>
    public List<object> Take()
    {
        var rows = _rows;
        _rows = [];
        return rows;
    }
}
