using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// The figures that depend on today as much as on events, read from the recommendation facts when a
/// table is built: each case's compliance outcome (assessed when its last recommendation is done, or
/// as not complied once one is past its deadline and still open) and remedies that passed 12 months
/// after the decision while still open.
/// </summary>
public static class OmbudsmanCompliance
{
    public static bool Needed(IEnumerable<string> metrics) =>
        metrics.Any(m => m is OmbudsmanMetrics.CaseCompliance or OmbudsmanMetrics.BecameDelayed);

    public static async Task<List<Agg>> ReadAsync(ReportingDbContext db, DateOnly start, DateOnly end, DateOnly today, short grain, CancellationToken ct)
    {
        var recommendations = await db.Set<OmbudsmanRecommendationFact>().AsNoTracking().ToListAsync(ct);
        var decided = await db.Set<OmbudsmanEnquiryFact>().AsNoTracking().Where(e => e.DecidedOn != null)
            .ToDictionaryAsync(e => e.EnquiryId, e => e.DecidedOn!.Value, ct);
        return Compute(recommendations, decided, start, end, today, grain).ToList();
    }

    public static IEnumerable<Agg> Compute(IReadOnlyList<OmbudsmanRecommendationFact> recommendations, IReadOnlyDictionary<string, DateOnly> decided,
        DateOnly start, DateOnly end, DateOnly today, short grain)
    {
        bool InPeriod(DateOnly day) => day >= start && day < end;
        // What depends on time passing is known only once that time has passed.
        bool In(DateOnly day) => InPeriod(day) && day <= today;
        Agg Of(OmbudsmanRecommendationFact r, string metric, string code) =>
            new(metric, "", r.DirectorateId, "", 0, 0, 0, r.Ombudsman, code, 1, 0, grain);
        foreach (var enquiry in recommendations.GroupBy(r => r.EnquiryId))
        {
            var first = enquiry.First();
            var open = enquiry.Where(r => r.CompletedOn is null).ToList();
            if (open.Count == 0)
            {
                if (InPeriod(enquiry.Max(r => r.CompletedOn!.Value)))
                {
                    yield return Of(first, OmbudsmanMetrics.CaseCompliance, enquiry.Any(r => r.Late) ? CaseCompliance.Late : CaseCompliance.OnTime);
                }
            }
            else if (open.Min(r => r.DueOn) is var due && In(due) && due < today)
            {
                yield return Of(first, OmbudsmanMetrics.CaseCompliance, CaseCompliance.NotComplied);
            }
            if (!decided.TryGetValue(enquiry.Key, out var decidedOn))
            {
                continue;
            }
            var mark = decidedOn.AddMonths(12);
            foreach (var r in enquiry.Where(r => In(mark) && (r.CompletedOn is null || r.CompletedOn > mark)))
            {
                yield return Of(r, OmbudsmanMetrics.BecameDelayed, "");
            }
        }
    }
}
