using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Events;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>What a request reads, and reading it: one query per table, or one per basis for a set of tables.</summary>
public sealed partial class ReportBuilder
{
    private sealed record FetchPlan(ReportPeriod Period, Grouping Grouping, short Basis, short[] Grains, string[] Metrics, bool NeedsPrevious)
    {
        public string Key => $"{Period.Start}/{Period.End}/{Basis}/{string.Join(",", Grains)}";
    }

    // Rows read ahead for a set of tables (BuildManyAsync), by plan key: every metric those tables need.
    private readonly Dictionary<string, (List<Agg> Current, List<Agg> Previous)> _readAhead = [];

    /// <summary>
    /// Several tables (e.g. every table of an annual report) from one query per period, basis and
    /// grain rather than one per table; each table is what <see cref="BuildAsync"/> gives alone.
    /// </summary>
    public async Task<IReadOnlyList<ReportTable>> BuildManyAsync(IReadOnlyList<ReportRequest> requests, ReportAudience audience, CancellationToken ct)
    {
        var settings = _settings ??= await PublicSettings.ReadAsync(db, ct);
        foreach (var group in requests.Where(r => !(r.Report == ReportKind.Stage2Reviews && r.Years > 1)).Select(r => Plan(r, audience, settings)).GroupBy(p => p.Key))
        {
            var plan = group.First() with
            {
                Metrics = group.SelectMany(p => p.Metrics).Distinct().ToArray(),
                NeedsPrevious = group.Any(p => p.NeedsPrevious),
            };
            _readAhead[group.Key] = await QueryAsync(plan, ct);
        }
        var tables = new List<ReportTable>(requests.Count);
        foreach (var request in requests)
        {
            tables.Add(await BuildAsync(request, audience, ct));
        }
        return tables;
    }

    private static FetchPlan Plan(ReportRequest request, ReportAudience audience, PublicSettings settings)
    {
        var period = ReportPeriod.From(request.Period);
        if (request.Report == ReportKind.Unspecified)
        {
            throw new ValidationException([new("report", "Choose a report.")]);
        }
        var grouping = request.Report == ReportKind.TopServiceAreas ? Grouping.ServiceArea : request.Grouping;
        if (audience.Public)
        {
            if (request.Period.Kind != settings.PublicYear)
            {
                throw new AccessDeniedException(settings.PublicYear == PeriodKind.CalendarYear
                    ? "Public reports cover whole calendar years only (the council reports by calendar year)."
                    : "Public reports cover whole financial years only.");
            }
            if (grouping is not (Grouping.Council or Grouping.Directorate or Grouping.ServiceArea or Grouping.Stage))
            {
                throw new AccessDeniedException("Public reports are grouped by council, directorate, service area or stage only.");
            }
        }
        var probe = ReportSpec.For(request.Report, [], (_, id) => id);
        var basis = request.Basis switch
        {
            Basis.Received => CounterBasis.Received,
            Basis.Resolved => CounterBasis.Resolved,
            _ => probe.Performance ? CounterBasis.Resolved : CounterBasis.Received,
        };
        // One stream's figures, or a table of one stage's, read the grain that keeps stream and stage (every
        // grouping but team); otherwise the public table needs the base grain (council, directorates,
        // service areas) and the stage grain.
        var byStreamAndStage = probe.ByStreamAndStage || request.Stream != CaseWorkflow.V1.ComplaintStream.Unspecified;
        if (byStreamAndStage && grouping == Grouping.Team)
        {
            throw new ValidationException([new("grouping", "A stream's figures and the Stage 2 table are not kept by team.")]);
        }
        short[] grains = byStreamAndStage ? [Grains.StreamStage] : audience.Public ? [Grains.Base, Grains.Stage] : [GrainOf(grouping)];
        return new(period, grouping, basis, grains, probe.Metrics.ToArray(), probe.NeedsPrevious);
    }

    private async Task<(List<Agg> Current, List<Agg> Previous)> FetchAsync(FetchPlan plan, CancellationToken ct)
    {
        if (!_readAhead.TryGetValue(plan.Key, out var rows))
        {
            return await QueryAsync(plan, ct);
        }
        var metrics = plan.Metrics.ToHashSet(StringComparer.Ordinal);
        return (rows.Current.Where(a => metrics.Contains(a.Metric)).ToList(),
            plan.NeedsPrevious ? rows.Previous.Where(a => metrics.Contains(a.Metric)).ToList() : []);
    }

    private static short GrainOf(Grouping grouping) => grouping switch
    {
        Grouping.Team => Grains.Team,
        Grouping.Stream => Grains.Stream,
        Grouping.Stage => Grains.Stage,
        _ => Grains.Base,
    };

    /// <summary>
    /// The period's counters and, if asked, the same period a year earlier, in one query. A whole
    /// financial or calendar year reads its rollup rows (one per key); other periods sum their months.
    /// </summary>
    private async Task<(List<Agg> Current, List<Agg> Previous)> QueryAsync(FetchPlan plan, CancellationToken ct)
    {
        var (period, withPrevious, basis, grains, metrics) = (plan.Period, plan.NeedsPrevious, plan.Basis, plan.Grains, plan.Metrics);
        var rollup = Grains.RollupOf(period.Start, period.End);
        var stored = grains.Select(g => (short)(g + rollup)).ToArray();
        var (start, end) = (period.Start, period.End);
        var earlierEnd = period.YearEarlier().End;
        var from = withPrevious ? period.YearEarlier().Start : start;
        var rows = await db.Counters.AsNoTracking()
            .Where(c => c.Basis == basis && stored.Contains(c.Grain) && metrics.Contains(c.Metric)
                && c.Month >= from && c.Month < end && (c.Month >= start || c.Month < earlierEnd))
            .GroupBy(c => new { Current = c.Month >= start, c.Grain, c.Metric, c.ServiceAreaId, c.DirectorateId, c.TeamId, c.Stream, c.Stage, c.Channel, c.Kind, c.Code })
            .Select(g => new
            {
                g.Key.Current,
                Agg = new Agg(g.Key.Metric, g.Key.ServiceAreaId, g.Key.DirectorateId, g.Key.TeamId, g.Key.Stream, g.Key.Stage,
                    g.Key.Channel, g.Key.Kind, g.Key.Code, g.Sum(c => c.Count), g.Sum(c => c.Amount), (short)(g.Key.Grain - rollup)),
            })
            .ToListAsync(ct);
        return (rows.Where(r => r.Current).Select(r => r.Agg).ToList(), rows.Where(r => !r.Current).Select(r => r.Agg).ToList());
    }
}
