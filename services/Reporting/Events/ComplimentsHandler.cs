using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>The Compliments feed: compliments by service area, team and channel; sent back to triage uncounts.</summary>
public sealed class ComplimentsHandler : IFeedBatchHandler<ReportingDbContext>
{
    // Counter changes of every event in the consumer's transaction, merged and upserted once before it commits.
    private readonly CounterBatch _counters = new();

    public Task BeforeCommitAsync(ReportingDbContext db, CancellationToken ct) => _counters.FlushAsync(db, ct);

    public async Task HandleAsync(ReportingDbContext db, FeedEvent evt, CancellationToken ct)
    {
        var batch = _counters;
        if (evt.Payload.TryUnpack<ComplimentRecorded>(out var recorded))
        {
            if (await db.Compliments.FindAsync([recorded.ComplimentId], ct) is null)
            {
                var fact = new ComplimentFact
                {
                    ComplimentId = recorded.ComplimentId,
                    ServiceAreaId = recorded.ServiceAreaId,
                    TeamId = recorded.TeamId,
                    Channel = (short)recorded.Channel,
                    ReceivedOn = recorded.ReceivedOn.ToDateOnly(),
                    Counted = true,
                };
                db.Compliments.Add(fact);
                Count(batch, fact, 1);
            }
        }
        else if (evt.Payload.TryUnpack<ComplimentAmended>(out var amended))
        {
            var fact = await db.Compliments.FindAsync([amended.ComplimentId], ct);
            if (fact is { Counted: true } && (fact.ServiceAreaId != amended.ServiceAreaId || fact.TeamId != amended.TeamId))
            {
                Count(batch, fact, -1);
                fact.ServiceAreaId = amended.ServiceAreaId;
                fact.TeamId = amended.TeamId;
                Count(batch, fact, 1);
            }
        }
        else if (evt.Payload.TryUnpack<ComplimentSentBackToTriage>(out var sentBack))
        {
            var fact = await db.Compliments.FindAsync([sentBack.ComplimentId], ct);
            if (fact is { Counted: true })
            {
                Count(batch, fact, -1);
                fact.Counted = false;
            }
        }
    }

    private static void Count(CounterBatch batch, ComplimentFact fact, int sign) =>
        batch.Both(new CounterKey(Metrics.Compliment, 0, default, fact.ServiceAreaId, "", fact.TeamId, 0, 0, fact.Channel, 0, ""),
            fact.ReceivedOn, fact.ReceivedOn, sign);
}
