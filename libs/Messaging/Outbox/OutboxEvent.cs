namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>One staged event: written with the change it describes, given a feed position once its transaction is behind the horizon.</summary>
public sealed class OutboxEvent
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    /// <summary>The payload message's full protobuf name, e.g. <c>complaints.intake.v1.ContactLogged</c>.</summary>
    public string EventType { get; set; } = "";

    /// <summary>The payload packed as <c>google.protobuf.Any</c> bytes.</summary>
    public byte[] Payload { get; set; } = [];

    public DateTime RecordedAt { get; set; }

    public ulong TransactionId { get; set; }

    /// <summary>Gap-free feed position; null until the sequencer reaches the row.</summary>
    public long? Position { get; set; }
}
