using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Events;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>Builds one report table from the counters: a sum over the period's months, then grouping, suppression, derived columns.</summary>
public sealed partial class ReportBuilder(ReportingDbContext db, TimeProvider clock)
{
    private const string Total = "council";

    private static class CounterBasis
    {
        public const short Received = CounterBatch.Received;
        public const short Resolved = CounterBatch.Resolved;
    }

    private Dictionary<(string Kind, string Id), DirectoryEntry>? _directory;

    public async Task<ReportTable> BuildAsync(ReportRequest request, ReportAudience audience, CancellationToken ct)
    {
        var plan = Plan(request, audience);
        var (period, grouping, basis) = (plan.Period, plan.Grouping, plan.Basis);
        // One request may build several tables (the bench builds all twelve): the directory is read once.
        var directory = _directory ??= await db.Directory.AsNoTracking().ToDictionaryAsync(d => (d.Kind, d.Id), ct);
        string Label(string kind, string id) => directory.TryGetValue((kind, id), out var e) && e.Name.Length > 0 ? e.Name : id;
        string DirectorateOf(Agg a) => a.DirectorateId.Length > 0 ? a.DirectorateId
            : directory.TryGetValue(("service_area", a.ServiceAreaId), out var area) ? area.ParentId : "";

        var (current, previous) = await FetchAsync(plan, ct);
        if (audience.Directorate is { } mine)
        {
            current = current.Where(a => DirectorateOf(a) == mine).ToList();
            previous = previous.Where(a => DirectorateOf(a) == mine).ToList();
        }
        var spec = ReportSpec.For(request.Report, current, Label);

        IEnumerable<string> RowsOf(Agg a, Grouping g) => g switch
        {
            Grouping.Council => [],
            Grouping.Directorate => ["directorate:" + DirectorateOf(a)],
            Grouping.ServiceArea => ["service_area:" + (a.ServiceAreaId.Length > 0 ? a.ServiceAreaId : "(directorate " + a.DirectorateId + ")")],
            Grouping.Team => ["team:" + a.TeamId],
            Grouping.Stream => ["stream:" + (ComplaintStream)a.Stream],
            Grouping.Stage => ["stage:" + a.Stage],
            Grouping.Channel => ["channel:" + (Channel)a.Channel],
            _ => [],
        };
        // The public view is cut from one table holding every public grouping, suppressed once.
        IEnumerable<string> AllRows(Agg a) => !audience.Public ? RowsOf(a, grouping).Prepend(Total)
            : a.Grain == Grains.Stage ? RowsOf(a, Grouping.Stage)
            : RowsOf(a, Grouping.Directorate).Concat(RowsOf(a, Grouping.ServiceArea)).Prepend(Total);

        var rows = Accumulate(spec, current, AllRows);
        var previousRows = Accumulate(spec, previous, AllRows);
        if (audience.Public)
        {
            Protect(spec, rows, DirectorateOf, current);
            Protect(spec, previousRows, DirectorateOf, previous);
        }

        var prefix = RowsOf(new Agg("", "", "", "", 0, 0, 0, 0, "", 0, 0, 0), grouping).FirstOrDefault()?.Split(':')[0];
        var table = new ReportTable
        {
            Report = request.Report,
            Title = spec.Title,
            PeriodLabel = period.Label,
            Basis = basis == CounterBasis.Received ? Basis.Received : Basis.Resolved,
            Grouping = grouping,
            SuppressionApplied = audience.Public,
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        table.Columns.AddRange(spec.Counts.Select(c => new Column { Key = c.Key, Label = c.Label, Unit = c.Unit }));
        table.Columns.AddRange(spec.Derived.Select(c => new Column { Key = c.Key, Label = c.Label, Unit = c.Unit }));
        var selected = prefix is null ? [] : rows.Keys.Where(k => k.StartsWith(prefix + ":", StringComparison.Ordinal))
            .Concat(previousRows.Keys.Where(k => k.StartsWith(prefix + ":", StringComparison.Ordinal)))
            .Distinct().ToList();
        var output = selected.Select(k => ToRow(k, RowLabel(k, Label), spec, rows.GetValueOrDefault(k) ?? new(spec.Counts.Count), previousRows.GetValueOrDefault(k)));
        if (request.Report == ReportKind.TopServiceAreas)
        {
            var n = request.TopN > 0 ? request.TopN : 10;
            output = output.Where(r => rows.ContainsKey(r.Key)).OrderByDescending(r => r.Cells[0].Suppressed ? 0 : r.Cells[0].Value).ThenBy(r => r.Key).Take(n);
        }
        else
        {
            output = output.OrderBy(r => r.Label, StringComparer.Ordinal);
        }
        table.Rows.AddRange(output);
        table.Total = ToRow(Total, "Council", spec, rows.GetValueOrDefault(Total) ?? new(spec.Counts.Count), previousRows.GetValueOrDefault(Total));
        return table;
    }

    private static Dictionary<string, RowValues> Accumulate(ReportSpec spec, IEnumerable<Agg> aggs, Func<Agg, IEnumerable<string>> rowsOf)
    {
        var rows = new Dictionary<string, RowValues>(StringComparer.Ordinal);
        foreach (var agg in aggs)
        {
            var columns = new List<int>();
            for (var c = 0; c < spec.Counts.Count; c++)
            {
                var column = spec.Counts[c];
                if (column.Metric == agg.Metric && (column.Match is null || column.Match(agg)))
                {
                    columns.Add(c);
                }
            }
            var isDays = agg.Metric == Metrics.ResponseDays;
            var isStageDays = StageDays.TryParse(agg, out var stage, out var stageDays);
            if (columns.Count == 0 && !isDays && !isStageDays)
            {
                continue;
            }
            foreach (var key in rowsOf(agg))
            {
                if (!rows.TryGetValue(key, out var row))
                {
                    rows[key] = row = new RowValues(spec.Counts.Count);
                }
                foreach (var c in columns)
                {
                    row.Values[c] += spec.Counts[c].UseAmount ? agg.Amount : agg.Count;
                }
                if (isDays && agg.Count != 0)
                {
                    var days = int.Parse(agg.Code, System.Globalization.CultureInfo.InvariantCulture);
                    row.Days[days] = row.Days.GetValueOrDefault(days) + agg.Count;
                }
                if (isStageDays)
                {
                    StageDays.Add(row, stage, stageDays, agg.Count);
                }
            }
        }
        return rows;
    }

    /// <summary>Suppresses the whole public table: council = directorates = stages; each directorate = its service areas.</summary>
    private static void Protect(ReportSpec spec, Dictionary<string, RowValues> rows, Func<Agg, string> directorateOf, IEnumerable<Agg> aggs)
    {
        var keys = rows.Keys.ToList();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var rowSets = new List<int[]>();
        int[] Children(string prefix) => keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => index[k]).ToArray();
        if (index.TryGetValue(Total, out var total))
        {
            rowSets.Add([total, .. Children("directorate:")]);
            rowSets.Add([total, .. Children("stage:")]);
        }
        var areasByDirectorate = aggs.Where(a => a.Grain == Grains.Base)
            .GroupBy(a => directorateOf(a))
            .ToDictionary(g => g.Key, g => g.Select(a => "service_area:" + (a.ServiceAreaId.Length > 0 ? a.ServiceAreaId : "(directorate " + a.DirectorateId + ")")).Distinct().ToList());
        foreach (var (directorate, areas) in areasByDirectorate)
        {
            if (index.TryGetValue("directorate:" + directorate, out var parent))
            {
                rowSets.Add([parent, .. areas.Where(index.ContainsKey).Select(a => index[a])]);
            }
        }
        // Amount columns (pence, actions) are not counts of people: they are hidden with their count column instead.
        var countColumns = spec.Counts.Select((c, i) => (c, i)).Where(x => !x.c.UseAmount).Select(x => x.i).ToHashSet();
        var values = keys.Select(k => rows[k].Values.Select((v, i) => countColumns.Contains(i) ? v : 0).ToArray()).ToArray();
        var hidden = Suppression.Apply(values, rowSets, spec.ColumnSets);
        for (var r = 0; r < keys.Count; r++)
        {
            var row = rows[keys[r]];
            row.Hidden = hidden[r];
            foreach (var c in Enumerable.Range(0, spec.Counts.Count).Where(c => !countColumns.Contains(c)))
            {
                row.Hidden[c] = hidden[r][0] || row.Values[0] < Suppression.Threshold;
            }
            if (row.Days.Count > 0 && row.Days.Values.Sum() < Suppression.Threshold)
            {
                row.Days.Clear();
            }
            StageDays.Protect(row);
        }
    }

    private static ReportRow ToRow(string key, string label, ReportSpec spec, RowValues row, RowValues? previous)
    {
        var output = new ReportRow { Key = key, Label = label };
        for (var c = 0; c < spec.Counts.Count; c++)
        {
            output.Cells.Add(row.Hidden[c] ? new Cell { Suppressed = true } : new Cell { Value = row.Values[c] });
        }
        output.Cells.AddRange(spec.Derived.Select(d => d.Compute(row, previous)));
        return output;
    }

    private static string RowLabel(string key, Func<string, string, string> label)
    {
        var (kind, id) = (key[..key.IndexOf(':')], key[(key.IndexOf(':') + 1)..]);
        return kind switch
        {
            "directorate" or "service_area" or "team" => id.Length == 0 ? "(not allocated)" : label(kind, id),
            "stage" => id == "0" ? "(no stage)" : "Stage " + id,
            _ => id,
        };
    }
}
