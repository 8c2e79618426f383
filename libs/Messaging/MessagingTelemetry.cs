using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ComplaintsPlatform.Messaging;

/// <summary>Traces and metrics under <c>ComplaintsPlatform.Messaging</c>. Never carries payload contents.</summary>
public static class MessagingTelemetry
{
    public const string Name = "ComplaintsPlatform.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly ConcurrentDictionary<ConsumerProgress, byte> s_active = new();

    public static readonly Counter<long> EventsApplied = s_meter.CreateCounter<long>(
        "messaging.consumer.events_applied", "{event}", "Feed events applied by a consumer (redeliveries not counted).");

    public static readonly Counter<long> EventsSequenced = s_meter.CreateCounter<long>(
        "messaging.outbox.events_sequenced", "{event}", "Outbox events given a feed position.");

    static MessagingTelemetry() =>
        s_meter.CreateObservableGauge("messaging.consumer.lag", ObserveLag, "{event}",
            "How many events the active consumer is behind the source feed's head.");

    internal static void Track(ConsumerProgress progress) => s_active[progress] = 0;

    internal static void Untrack(ConsumerProgress progress) => s_active.TryRemove(progress, out _);

    private static IEnumerable<Measurement<long>> ObserveLag() =>
        s_active.Keys.Select(p => new Measurement<long>(
            Math.Max(0, p.Head - p.Checkpoint),
            new KeyValuePair<string, object?>("consumer", p.Consumer),
            new KeyValuePair<string, object?>("source", p.Source)));
}

internal sealed class ConsumerProgress(string consumer, string source)
{
    public string Consumer => consumer;

    public string Source => source;

    public long Head { get; set; }

    public long Checkpoint { get; set; }
}
