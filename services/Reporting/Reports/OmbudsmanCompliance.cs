using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// The figures that depend on today as much as on events, read from the recommendation and order facts
/// when a table is built: each case's compliance outcome (assessed when its last recommendation is done,
/// or as not complied once one is past its deadline and still open) and remedies that passed 12 months
/// after the decision while still open; the same per case for Housing Ombudsman orders, kept apart, with
/// the orders outstanding and overdue at the end of the period.
/// </summary>
public static class OmbudsmanCompliance
{
    private static readonly string[] FromFacts =
    [
        OmbudsmanMetrics.CaseCompliance, OmbudsmanMetrics.BecameDelayed,
        OmbudsmanMetrics.OrderCaseCompliance, OmbudsmanMetrics.OrderOutstanding, OmbudsmanMetrics.OrderOverdue,
    ];

    // What compliance per case needs of a recommendation or an order.
    private sealed record Remedy(string EnquiryId, short Ombudsman, string DirectorateId, DateOnly On, DateOnly DueOn, DateOnly? CompletedOn, bool Late);

    public static bool Needed(IEnumerable<string> metrics) => metrics.Any(FromFacts.Contains);

    public static async Task<List<Agg>> ReadAsync(ReportingDbContext db, DateOnly start, DateOnly end, DateOnly today, short grain, CancellationToken ct)
    {
        var recommendations = await db.Set<OmbudsmanRecommendationFact>().AsNoTracking().ToListAsync(ct);
        var orders = await db.Set<OmbudsmanOrderFact>().AsNoTracking().ToListAsync(ct);
        var decided = await db.Set<OmbudsmanEnquiryFact>().AsNoTracking().Where(e => e.DecidedOn != null)
            .ToDictionaryAsync(e => e.EnquiryId, e => e.DecidedOn!.Value, ct);
        return [.. Compute(recommendations, decided, start, end, today, grain), .. ComputeOrders(orders, start, end, today, grain)];
    }

    public static IEnumerable<Agg> Compute(IReadOnlyList<OmbudsmanRecommendationFact> recommendations, IReadOnlyDictionary<string, DateOnly> decided,
        DateOnly start, DateOnly end, DateOnly today, short grain)
    {
        var remedies = recommendations.Select(r => new Remedy(r.EnquiryId, r.Ombudsman, r.DirectorateId, r.AgreedOn, r.DueOn, r.CompletedOn, r.Late)).ToList();
        foreach (var agg in PerCase(remedies, OmbudsmanMetrics.CaseCompliance, start, end, today, grain))
        {
            yield return agg;
        }
        bool In(DateOnly day) => day >= start && day < end && day <= today;
        foreach (var enquiry in remedies.GroupBy(r => r.EnquiryId))
        {
            if (!decided.TryGetValue(enquiry.Key, out var decidedOn))
            {
                continue;
            }
            var mark = decidedOn.AddMonths(12);
            foreach (var r in enquiry.Where(r => In(mark) && (r.CompletedOn is null || r.CompletedOn > mark)))
            {
                yield return Of(r, OmbudsmanMetrics.BecameDelayed, "", grain);
            }
        }
    }

    /// <summary>
    /// Housing Ombudsman orders: compliance per case as for recommendations, and the orders outstanding at the
    /// end of the period (or today, if sooner), overdue when past their compliance date then.
    /// </summary>
    public static IEnumerable<Agg> ComputeOrders(IReadOnlyList<OmbudsmanOrderFact> orders, DateOnly start, DateOnly end, DateOnly today, short grain)
    {
        var remedies = orders.Select(o => new Remedy(o.EnquiryId, o.Ombudsman, o.DirectorateId, o.OrderedOn, o.ComplianceDueOn, o.CompletedOn, o.Late)).ToList();
        foreach (var agg in PerCase(remedies, OmbudsmanMetrics.OrderCaseCompliance, start, end, today, grain))
        {
            yield return agg;
        }
        var asAt = end.AddDays(-1) < today ? end.AddDays(-1) : today;
        foreach (var o in remedies.Where(o => o.On <= asAt && (o.CompletedOn is null || o.CompletedOn > asAt)))
        {
            yield return Of(o, OmbudsmanMetrics.OrderOutstanding, "", grain);
            if (o.DueOn < asAt)
            {
                yield return Of(o, OmbudsmanMetrics.OrderOverdue, "", grain);
            }
        }
    }

    private static IEnumerable<Agg> PerCase(IEnumerable<Remedy> remedies, string metric, DateOnly start, DateOnly end, DateOnly today, short grain)
    {
        bool InPeriod(DateOnly day) => day >= start && day < end;
        // What depends on time passing is known only once that time has passed.
        bool In(DateOnly day) => InPeriod(day) && day <= today;
        foreach (var enquiry in remedies.GroupBy(r => r.EnquiryId))
        {
            var first = enquiry.First();
            var open = enquiry.Where(r => r.CompletedOn is null).ToList();
            if (open.Count == 0)
            {
                if (InPeriod(enquiry.Max(r => r.CompletedOn!.Value)))
                {
                    yield return Of(first, metric, enquiry.Any(r => r.Late) ? CaseCompliance.Late : CaseCompliance.OnTime, grain);
                }
            }
            else if (open.Min(r => r.DueOn) is var due && In(due) && due < today)
            {
                yield return Of(first, metric, CaseCompliance.NotComplied, grain);
            }
        }
    }

    private static Agg Of(Remedy r, string metric, string code, short grain) =>
        new(metric, "", r.DirectorateId, "", 0, 0, 0, r.Ombudsman, code, 1, 0, grain);
}
