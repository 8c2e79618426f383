using System.Text;
using ComplaintsPlatform.Reporting.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Events;

public readonly record struct CounterKey(
    string Metric, short Basis, DateOnly Month, string ServiceAreaId, string DirectorateId, string TeamId,
    short Stream, short Stage, short Channel, short Kind, string Code);

/// <summary>
/// The counter changes of one event, merged and written as one upsert inside the consumer's
/// transaction (so they commit with the inbox row and checkpoint, or not at all).
/// </summary>
public sealed class CounterBatch
{
    public const short Received = 0;
    public const short Resolved = 1;

    private readonly Dictionary<CounterKey, (long Count, long Amount)> _pending = [];

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public void Add(CounterKey key, long count = 1, long amount = 0)
    {
        key = key with { Month = MonthOf(key.Month) };
        _pending[key] = _pending.TryGetValue(key, out var was) ? (was.Count + count, was.Amount + amount) : (count, amount);
    }

    /// <summary>Adds to both bases: the month received, and the month it happened.</summary>
    public void Both(CounterKey key, DateOnly receivedOn, DateOnly happenedOn, long count = 1, long amount = 0)
    {
        Add(key with { Basis = Received, Month = receivedOn }, count, amount);
        Add(key with { Basis = Resolved, Month = happenedOn }, count, amount);
    }

    public async Task FlushAsync(ReportingDbContext db, CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder("INSERT INTO reporting.counters (metric, basis, month, service_area_id, directorate_id, team_id, stream, stage, channel, kind, code, count, amount) VALUES ");
        var args = new List<object>(_pending.Count * 13);
        var first = true;
        foreach (var (k, v) in _pending)
        {
            sql.Append(first ? "" : ", ").Append('(');
            object[] values = [k.Metric, k.Basis, k.Month, k.ServiceAreaId, k.DirectorateId, k.TeamId, k.Stream, k.Stage, k.Channel, k.Kind, k.Code, v.Count, v.Amount];
            for (var i = 0; i < values.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append('{').Append(args.Count).Append('}');
                args.Add(values[i]);
            }
            sql.Append(')');
            first = false;
        }
        sql.Append(" ON CONFLICT (metric, basis, month, service_area_id, directorate_id, team_id, stream, stage, channel, kind, code)")
            .Append(" DO UPDATE SET count = counters.count + excluded.count, amount = counters.amount + excluded.amount");
        _pending.Clear();
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }
}
