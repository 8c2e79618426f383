using System.Text.Json;
using ComplaintsPlatform.Common.V1;
using Google.Protobuf.WellKnownTypes;

namespace ComplaintsPlatform.Retention;

/// <summary>A run's counts per kind and action (removed and held), kept on the run record as JSON.</summary>
internal sealed class RunCounts
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly List<Entry> _entries = [];

    public int RemovedTotal => _entries.Sum(e => e.Count);

    public int HeldTotal => _entries.Sum(e => e.HeldCount);

    public void AddRemoved(RetentionKind kind, RetentionAction action, int count) => Find(kind, action).Count += count;

    public void AddHeld(RetentionKind kind, RetentionAction action, int count) => Find(kind, action).HeldCount += count;

    public string ToJson() => JsonSerializer.Serialize(_entries, s_json);

    public static RetentionRun Describe(RetentionRunRecord run)
    {
        var described = new RetentionRun
        {
            RunId = run.Id.ToString(),
            Trigger = (RetentionRunTrigger)run.Trigger,
            AsOf = new Google.Type.Date { Year = run.AsOf.Year, Month = run.AsOf.Month, Day = run.AsOf.Day },
            StartedAt = Timestamp.FromDateTimeOffset(run.StartedAt),
            RequestedBy = run.RequestedBy,
            ErasureRequestId = run.ErasureRequestId ?? "",
            ConfigurationVersion = run.ConfigurationVersion,
        };
        if (run.FinishedAt is { } finished)
        {
            described.FinishedAt = Timestamp.FromDateTimeOffset(finished);
        }
        foreach (var entry in JsonSerializer.Deserialize<List<Entry>>(run.Counts, s_json) ?? [])
        {
            described.Counts.Add(new RetentionRunKindCount
            {
                Kind = (RetentionKind)entry.Kind, Action = (RetentionAction)entry.Action, Count = entry.Count, Held = entry.HeldCount,
            });
        }
        return described;
    }

    private Entry Find(RetentionKind kind, RetentionAction action)
    {
        var entry = _entries.FirstOrDefault(e => e.Kind == (int)kind && e.Action == (int)action);
        if (entry is null)
        {
            _entries.Add(entry = new Entry { Kind = (int)kind, Action = (int)action });
        }
        return entry;
    }

    private sealed class Entry
    {
        public int Kind { get; set; }
        public int Action { get; set; }
        public int Count { get; set; }
        public int HeldCount { get; set; }
    }
}
