using System.Globalization;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// Working days to respond at each statutory stage. The stream grain keeps no stage, so the days
/// travel in the statutory code ("2:days:14", one per response, amount = days) and a table rebuilds
/// one histogram per stage from them, as <c>resp_days</c> does for the other tables.
/// </summary>
public static class StageDays
{
    private const string Marker = ":days:";

    /// <summary>The measure after "stage:" in the statutory code.</summary>
    public static string Measure(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"{Marker[1..]}{days}");

    public static bool TryParse(Agg agg, out int stage, out int days)
    {
        (stage, days) = (0, 0);
        if (agg.Metric != Metrics.Statutory)
        {
            return false;
        }
        var at = agg.Code.IndexOf(Marker, StringComparison.Ordinal);
        return at > 0
            && int.TryParse(agg.Code.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out stage)
            && int.TryParse(agg.Code.AsSpan(at + Marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out days);
    }

    public static void Add(RowValues row, int stage, int days, long count)
    {
        if (count != 0)
        {
            var histogram = row.StageDays.TryGetValue(stage, out var h) ? h : row.StageDays[stage] = [];
            histogram[days] = histogram.GetValueOrDefault(days) + count;
        }
    }

    /// <summary>Public tables: a stage's distribution over fewer than the threshold of responses is not shown.</summary>
    public static void Protect(RowValues row, int threshold)
    {
        foreach (var stage in row.StageDays.Where(d => d.Value.Values.Sum() < threshold).Select(d => d.Key).ToList())
        {
            row.StageDays.Remove(stage);
        }
    }

    /// <summary>The average and 90th percentile of one stage, hidden with its responses column.</summary>
    public static IEnumerable<DerivedColumn> Columns(int stage, int responses)
    {
        yield return new($"stage{stage}_average_days", $"Stage {stage}: average working days", Unit.WorkingDays, (row, _) =>
            Of(row, stage, responses) is { } days
                ? new Cell { Value = Math.Round(days.Sum(d => (double)d.Key * d.Value) / days.Values.Sum(), 1) }
                : Missing(row, responses));
        yield return new($"stage{stage}_p90_days", $"Stage {stage}: 90th percentile working days", Unit.WorkingDays, (row, _) =>
            Of(row, stage, responses) is { } days ? new Cell { Value = ReportSpec.Percentile(days, 0.9) } : Missing(row, responses));
    }

    private static SortedDictionary<int, long>? Of(RowValues row, int stage, int responses) =>
        !row.Hidden[responses] && row.StageDays.TryGetValue(stage, out var days) && days.Values.Sum() > 0 ? days : null;

    private static Cell Missing(RowValues row, int responses) =>
        row.Hidden[responses] ? new Cell { Suppressed = true } : new Cell { Empty = true };
}
