using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>One aggregated counter row as a report reads it (months and basis already summed away).</summary>
public sealed record Agg(string Metric, string ServiceAreaId, string DirectorateId, string TeamId, short Stream, short Stage, short Channel, short Kind, string Code, long Count, long Amount, short Grain = 0);

/// <summary>A column that sums counters (their count, or their amount).</summary>
public sealed record CountColumn(string Key, string Label, string Metric, Func<Agg, bool>? Match = null, bool UseAmount = false, Unit Unit = Unit.Count);

/// <summary>A column computed from a row's counts (and the same row a year earlier).</summary>
public sealed record DerivedColumn(string Key, string Label, Unit Unit, Func<RowValues, RowValues?, Cell> Compute);

public sealed class RowValues(int columns)
{
    public long[] Values { get; } = new long[columns];
    public bool[] Hidden { get; set; } = new bool[columns];
    public SortedDictionary<int, long> Days { get; } = [];

    /// <summary>Working days per statutory stage (<see cref="StageDays"/>).</summary>
    public Dictionary<int, SortedDictionary<int, long>> StageDays { get; } = [];
}
