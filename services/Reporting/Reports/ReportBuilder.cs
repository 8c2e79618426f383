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
    private PublicSettings? _settings;

    public async Task<ReportTable> BuildAsync(ReportRequest request, ReportAudience audience, CancellationToken ct)
    {
        var settings = _settings ??= await PublicSettings.ReadAsync(db, ct);
        if (request.Report == ReportKind.Stage2Reviews && request.Years > 1)
        {
            return await YearsSideBySideAsync(request, audience, ct);
        }
        if (request.Report == ReportKind.ContactTypes && request.Grouping != Grouping.Council)
        {
            request = request.Clone();
            request.Grouping = Grouping.Council;
        }
        var plan = Plan(request, audience, settings);
        var (period, grouping, basis) = (plan.Period, plan.Grouping, plan.Basis);
        // One request may build several tables (the bench builds all twelve): the directory is read once.
        var directory = _directory ??= await db.Directory.AsNoTracking().ToDictionaryAsync(d => (d.Kind, d.Id), ct);
        string Label(string kind, string id) => directory.TryGetValue((kind, id), out var e) && e.Name.Length > 0 ? e.Name : id;
        string DirectorateOf(Agg a) => a.DirectorateId.Length > 0 ? a.DirectorateId
            : directory.TryGetValue(("service_area", a.ServiceAreaId), out var area) ? area.ParentId : "";

        var (current, previous) = await FetchAsync(plan, ct);
        if (OmbudsmanCompliance.Needed(plan.Metrics))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            current = [.. current, .. await OmbudsmanCompliance.ReadAsync(db, period.Start, period.End, today, plan.Grains[0], ct)];
        }
        current = Filter(current, request, audience, DirectorateOf);
        previous = Filter(previous, request, audience, DirectorateOf);
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
            : a.Grain == Grains.StreamStage ? RowsOf(a, Grouping.Directorate).Concat(RowsOf(a, Grouping.ServiceArea)).Concat(RowsOf(a, Grouping.Stage)).Prepend(Total)
            : a.Grain == Grains.Stage ? RowsOf(a, Grouping.Stage)
            : RowsOf(a, Grouping.Directorate).Concat(RowsOf(a, Grouping.ServiceArea)).Prepend(Total);

        var rows = Accumulate(spec, current, AllRows);
        var previousRows = Accumulate(spec, previous, AllRows);
        if (audience.Public)
        {
            Protect(spec, rows, DirectorateOf, current, settings.Threshold);
            Protect(spec, previousRows, DirectorateOf, previous, settings.Threshold);
        }

        var prefix = RowsOf(new Agg("", "", "", "", 0, 0, 0, 0, "", 0, 0, 0), grouping).FirstOrDefault()?.Split(':')[0];
        var table = new ReportTable
        {
            Report = request.Report,
            Title = spec.Title + (request.Stream == ComplaintStream.Unspecified ? "" : $" ({Labels.Inline(Labels.Stream(request.Stream))})"),
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
        return request.Report == ReportKind.ContactTypes ? PublishedTables.ContactTypes(table) : table;
    }

    /// <summary>A stream's complaints only; one Ombudsman's tables only; a service lead's directorate only.</summary>
    private static List<Agg> Filter(List<Agg> aggs, ReportRequest request, ReportAudience audience, Func<Agg, string> directorateOf)
    {
        IEnumerable<Agg> kept = aggs;
        if (audience.Directorate is { } mine)
        {
            kept = kept.Where(a => directorateOf(a) == mine);
        }
        if (request.Stream != ComplaintStream.Unspecified)
        {
            kept = kept.Where(a => a.Stream == (short)request.Stream);
        }
        if (request.Ombudsman != 0)
        {
            kept = kept.Where(a => !OmbudsmanMetrics.IsOmbudsman(a.Metric) || a.Kind == request.Ombudsman);
        }
        return kept as List<Agg> ?? kept.ToList();
    }

    /// <summary>Several financial years of one table, a row per year (the last year last); the total is the last year.</summary>
    private async Task<ReportTable> YearsSideBySideAsync(ReportRequest request, ReportAudience audience, CancellationToken ct)
    {
        if (request.Years > 10 || request.Period?.Kind is not (PeriodKind.FinancialYear or PeriodKind.CalendarYear))
        {
            throw new ValidationException([new("years", "Give up to 10 whole years, ending with the period's year.")]);
        }
        var years = new List<ReportTable>();
        for (var year = request.Period.Year - request.Years + 1; year <= request.Period.Year; year++)
        {
            var one = request.Clone();
            one.Years = 1;
            one.Grouping = Grouping.Council;
            one.Period = new V1.Period { Kind = request.Period.Kind, Year = year };
            years.Add(await BuildAsync(one, audience, ct));
        }
        var last = years[^1];
        var table = last.Clone();
        table.Grouping = Grouping.Council;
        table.PeriodLabel = $"{years[0].PeriodLabel} to {last.PeriodLabel}";
        table.Rows.Clear();
        table.Rows.AddRange(years.Select(y => new ReportRow { Key = "year:" + y.PeriodLabel, Label = y.PeriodLabel, Cells = { y.Total.Cells.Select(c => c.Clone()) } }));
        // The total is the latest year (the same row; a CSV or document shows it once).
        table.Total = table.Rows[^1].Clone();
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

    /// <summary>
    /// Suppresses the public table where people could be identified: counts below the council's threshold
    /// in service-area (and team) rows, and whatever else in those rows would let one be worked out from
    /// its directorate or the table's own column sums. Council totals, directorates and the council-wide
    /// stage rows are the published story and are never hidden.
    /// </summary>
    private static void Protect(ReportSpec spec, Dictionary<string, RowValues> rows, Func<Agg, string> directorateOf, IEnumerable<Agg> aggs, int threshold)
    {
        var keys = rows.Keys.ToList();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        // "(directorate …)" rows hold what names a directorate only (Ombudsman enquiries): directorate figures, published as such.
        var hideable = keys.Select(k => (k.StartsWith("service_area:", StringComparison.Ordinal) && !k.StartsWith("service_area:(directorate ", StringComparison.Ordinal))
            || k.StartsWith("team:", StringComparison.Ordinal)).ToArray();
        var rowSets = new List<int[]>();
        var areasByDirectorate = aggs.Where(a => a.Grain is Grains.Base or Grains.StreamStage)
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
        var hidden = Suppression.Apply(values, rowSets, spec.ColumnSets, hideable, threshold);
        for (var r = 0; r < keys.Count; r++)
        {
            var row = rows[keys[r]];
            row.Hidden = hidden[r];
            if (!hideable[r])
            {
                continue;
            }
            foreach (var c in Enumerable.Range(0, spec.Counts.Count).Where(c => !countColumns.Contains(c)))
            {
                row.Hidden[c] = hidden[r][0] || row.Values[0] < threshold;
            }
            if (row.Days.Count > 0 && row.Days.Values.Sum() < threshold)
            {
                row.Days.Clear();
            }
            StageDays.Protect(row, threshold);
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
            "stream" => Enum.TryParse<ComplaintStream>(id, out var stream) ? Labels.Stream(stream) : id,
            "channel" => Enum.TryParse<Channel>(id, out var channel) ? Labels.Channel(channel) : id,
            _ => id,
        };
    }
}
