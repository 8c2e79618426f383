using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>
/// OmbudsmanLiaison's feed: enquiries, decisions, recommendations and public interest reports as
/// counters by directorate, the Housing Ombudsman's determinations and orders, and the annual letter's benchmark figures.
/// </summary>
public sealed class OmbudsmanHandler : IFeedBulkHandler<ReportingDbContext>
{
    // Counter changes of every event in the consumer's transaction, merged and upserted once before it commits.
    private readonly CounterBatch _counters = new();

    public Task BeforeCommitAsync(ReportingDbContext db, CancellationToken ct) => _counters.FlushAsync(db, ct);

    // Ombudsman events are few: each is looked up by key as it comes.
    public Task PrepareAsync(ReportingDbContext db, IReadOnlyList<FeedEvent> events, CancellationToken ct) => Task.CompletedTask;

    public async Task HandleAsync(ReportingDbContext db, FeedEvent evt, CancellationToken ct)
    {
        var batch = _counters;
        if (evt.Payload.TryUnpack<EnquiryReceived>(out var enquiry))
        {
            var on = enquiry.ReceivedOn.ToDateOnly();
            var ombudsman = (short)enquiry.Ombudsman;
            if (await db.Set<OmbudsmanEnquiryFact>().FindAsync([enquiry.EnquiryId], ct) is null)
            {
                db.Set<OmbudsmanEnquiryFact>().Add(new OmbudsmanEnquiryFact { EnquiryId = enquiry.EnquiryId, Ombudsman = ombudsman, DirectorateId = enquiry.DirectorateId });
            }
            // The enquiry names a directorate only; its date is used for both bases so a replay of this
            // feed alone gives the same counts whatever order the other feeds replay in.
            batch.Both(Key(Metrics.Ombudsman, enquiry.DirectorateId, enquiry.Ombudsman.ToString(), ombudsman), on, on);
            await OmbudsmanReferrals.EnquiryAsync(db, batch, enquiry, ct);
        }
        else if (evt.Payload.TryUnpack<OmbudsmanDecisionRecorded>(out var decision))
        {
            // A decision on history whose enquiry was never recorded still knows its Ombudsman and directorate.
            var fact = await EnquiryAsync(db, decision.EnquiryId, ct);
            if (fact is null && !string.IsNullOrEmpty(decision.EnquiryId))
            {
                db.Set<OmbudsmanEnquiryFact>().Add(fact = new OmbudsmanEnquiryFact
                {
                    EnquiryId = decision.EnquiryId, Ombudsman = (short)decision.Ombudsman, DirectorateId = decision.DirectorateId,
                });
            }
            if (fact is not null)
            {
                fact.DecidedOn = decision.DecidedOn.ToDateOnly();
            }
            Decided(batch, decision);
        }
        else if (evt.Payload.TryUnpack<PublicInterestReportIssued>(out var report))
        {
            var on = report.IssuedOn.ToDateOnly();
            batch.Both(Key(OmbudsmanMetrics.PublicInterestReport, report.DirectorateId, "", await OmbudsmanOfAsync(db, report.EnquiryId, ct)), on, on);
        }
        else if (evt.Payload.TryUnpack<RecommendationAgreed>(out var agreed))
        {
            var on = agreed.AgreedOn.ToDateOnly();
            var ombudsman = await OmbudsmanOfAsync(db, agreed.EnquiryId, ct);
            batch.Both(Key(OmbudsmanMetrics.RecommendationAgreed, agreed.DirectorateId, agreed.Type.ToString(), ombudsman), on, on, 1, agreed.AmountPence);
            if (await db.Set<OmbudsmanRecommendationFact>().FindAsync([agreed.RecommendationId], ct) is null)
            {
                db.Set<OmbudsmanRecommendationFact>().Add(new OmbudsmanRecommendationFact
                {
                    RecommendationId = agreed.RecommendationId, EnquiryId = agreed.EnquiryId, Ombudsman = ombudsman, DirectorateId = agreed.DirectorateId,
                    AgreedOn = on, DueOn = agreed.DueOn.IsSet() ? agreed.DueOn.ToDateOnly() : on,
                });
            }
        }
        else if (evt.Payload.TryUnpack<RecommendationCompleted>(out var completed))
        {
            var on = completed.CompletedOn.ToDateOnly();
            var ombudsman = await OmbudsmanOfAsync(db, completed.EnquiryId, ct);
            batch.Both(Key(OmbudsmanMetrics.RecommendationCompleted, completed.DirectorateId, completed.Late ? "late" : "on_time", ombudsman), on, on, 1, completed.AmountPence);
            if (completed.Delayed)
            {
                batch.Both(Key(OmbudsmanMetrics.RecommendationDelayed, completed.DirectorateId, "", ombudsman), on, on);
            }
            if (await db.Set<OmbudsmanRecommendationFact>().FindAsync([completed.RecommendationId], ct) is { } recommendation)
            {
                recommendation.CompletedOn = on;
                recommendation.Late = completed.Late;
            }
        }
        else if (evt.Payload.TryUnpack<OrderMade>(out var ordered))
        {
            await OmbudsmanOrders.MadeAsync(db, batch, ordered, await OmbudsmanOfAsync(db, ordered.EnquiryId, ct, Ombudsman.V1.Ombudsman.Housing), ct);
        }
        else if (evt.Payload.TryUnpack<OrderCompleted>(out var complied))
        {
            await OmbudsmanOrders.CompletedAsync(db, batch, complied, await OmbudsmanOfAsync(db, complied.EnquiryId, ct, Ombudsman.V1.Ombudsman.Housing), ct);
        }
        else if (evt.Payload.TryUnpack<BenchmarkFiguresRecorded>(out var benchmarks))
        {
            await BenchmarksAsync(db, benchmarks, ct);
        }
    }

    /// <summary>Counted on the date received by the Ombudsman (received basis) and the date decided (resolved basis).</summary>
    private static void Decided(CounterBatch batch, OmbudsmanDecisionRecorded e)
    {
        var decided = e.DecidedOn.ToDateOnly();
        var received = e.ReceivedOn.IsSet() ? e.ReceivedOn.ToDateOnly() : decided;
        // The Housing Ombudsman determines each element of a complaint rather than taking an LGSCO decision:
        // the decision counts once as determined, and each finding as its determination.
        var housing = e.Decision == OmbudsmanDecision.Unspecified && (e.Ombudsman == Ombudsman.V1.Ombudsman.Housing || e.HousingDeterminations.Count > 0);
        var ombudsman = (short)(housing ? Ombudsman.V1.Ombudsman.Housing : e.Ombudsman);
        void Count(string metric, string code) => batch.Both(Key(metric, e.DirectorateId, code, ombudsman), received, decided);
        Count(OmbudsmanMetrics.Decision, housing ? OmbudsmanMetrics.HousingDetermined : e.Decision.ToString());
        foreach (var determination in housing ? e.HousingDeterminations.Where(d => d != HousingDetermination.Unspecified) : [])
        {
            Count(OmbudsmanMetrics.HousingDetermination, determination.ToString());
        }
        if (e.Decision == OmbudsmanDecision.AssessedAndClosed)
        {
            Count(OmbudsmanMetrics.Closure, e.ClosureReason.ToString());
        }
        if (e.Decision == OmbudsmanDecision.Upheld && e.Injustice)
        {
            Count(OmbudsmanMetrics.Injustice, "");
        }
        if (e.Decision == OmbudsmanDecision.Upheld && e.SatisfactoryRemedy)
        {
            Count(OmbudsmanMetrics.SatisfactoryRemedy, "");
        }
    }

    /// <summary>A year's figures replace what was held for that year and Ombudsman (they are re-sent when corrected).</summary>
    private static async Task BenchmarksAsync(ReportingDbContext db, BenchmarkFiguresRecorded e, CancellationToken ct)
    {
        var ombudsman = (short)e.Ombudsman;
        // The delete runs in the database: save this unit of work's earlier figures first.
        await db.SaveChangesAsync(ct);
        await db.Set<BenchmarkFigure>().Where(b => b.Year == e.Year && b.Ombudsman == ombudsman).ExecuteDeleteAsync(ct);
        db.Set<BenchmarkFigure>().AddRange(e.Rows.GroupBy(r => (r.Scope, r.CouncilCode)).Select(g => g.Last()).Select(r => new BenchmarkFigure
        {
            Year = e.Year,
            Ombudsman = ombudsman,
            Scope = (short)r.Scope,
            CouncilCode = r.CouncilCode,
            UpheldRateBasisPoints = r.UpheldRateBasisPoints,
            UpheldPer100kHundredths = r.UpheldPer100KHundredths,
            ComplianceBasisPoints = r.ComplianceBasisPoints,
            SatisfactoryRemedyBasisPoints = r.SatisfactoryRemedyBasisPoints,
        }));
    }

    // The Ombudsman (LGSCO or Housing) travels in the counter's kind, so every table can be split by Ombudsman.
    internal static CounterKey Key(string metric, string directorateId, string code, short ombudsman) =>
        new(metric, 0, default, "", directorateId, "", 0, 0, 0, ombudsman, code);

    private static async Task<OmbudsmanEnquiryFact?> EnquiryAsync(ReportingDbContext db, string enquiryId, CancellationToken ct) =>
        string.IsNullOrEmpty(enquiryId) ? null : await db.Set<OmbudsmanEnquiryFact>().FindAsync([enquiryId], ct);

    private static async Task<short> OmbudsmanOfAsync(ReportingDbContext db, string enquiryId, CancellationToken ct,
        Ombudsman.V1.Ombudsman otherwise = Ombudsman.V1.Ombudsman.Unspecified) =>
        (await EnquiryAsync(db, enquiryId, ct))?.Ombudsman ?? (short)otherwise;
}
