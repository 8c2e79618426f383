using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>The Compliments feed: compliments by service area, team and channel; sent back to triage uncounts.</summary>
public sealed class ComplimentsHandler : IFeedBulkHandler<ReportingDbContext>
{
    // Counter changes of every event in the consumer's transaction, merged and upserted once before it commits.
    private readonly CounterBatch _counters = new();

    public Task BeforeCommitAsync(ReportingDbContext db, CancellationToken ct) => _counters.FlushAsync(db, ct);

    /// <summary>The batch's compliments in one query.</summary>
    public Task PrepareAsync(ReportingDbContext db, IReadOnlyList<FeedEvent> events, CancellationToken ct)
    {
        var ids = new List<string>(events.Count);
        foreach (var evt in events)
        {
            if (evt.Payload.TryUnpack<ComplimentRecorded>(out var recorded))
            {
                ids.Add(recorded.ComplimentId);
            }
            else if (evt.Payload.TryUnpack<ComplimentAmended>(out var amended))
            {
                ids.Add(amended.ComplimentId);
            }
            else if (evt.Payload.TryUnpack<ComplimentSentBackToTriage>(out var sentBack))
            {
                ids.Add(sentBack.ComplimentId);
            }
        }
        return db.Facts.LoadComplimentsAsync(ids, ct);
    }

    public async Task HandleAsync(ReportingDbContext db, FeedEvent evt, CancellationToken ct)
    {
        var batch = _counters;
        if (evt.Payload.TryUnpack<ComplimentRecorded>(out var recorded))
        {
            if (await db.Facts.ComplimentAsync(recorded.ComplimentId, ct) is null)
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
                db.Facts.Add(fact);
                Count(batch, fact, 1);
            }
        }
        else if (evt.Payload.TryUnpack<ComplimentAmended>(out var amended))
        {
            var fact = await db.Facts.ComplimentAsync(amended.ComplimentId, ct);
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
            var fact = await db.Facts.ComplimentAsync(sentBack.ComplimentId, ct);
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
