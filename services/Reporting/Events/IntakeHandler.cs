using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>Intake's feed: contacts by kind, channel and triage decision; member enquiries.</summary>
public sealed class IntakeHandler(CouncilDates dates) : IFeedBulkHandler<ReportingDbContext>
{
    // Counter changes of every event in the consumer's transaction, merged and upserted once before it commits.
    private readonly CounterBatch _counters = new();

    public Task BeforeCommitAsync(ReportingDbContext db, CancellationToken ct) => _counters.FlushAsync(db, ct);

    /// <summary>The batch's contacts in one query.</summary>
    public async Task PrepareAsync(ReportingDbContext db, IReadOnlyList<FeedEvent> events, CancellationToken ct)
    {
        var ids = new List<string>(events.Count);
        foreach (var evt in events)
        {
            if (evt.Payload.TryUnpack<ContactReceived>(out var received))
            {
                ids.Add(received.ContactId);
            }
            else if (evt.Payload.TryUnpack<ContactTriaged>(out var triaged))
            {
                ids.Add(triaged.ContactId);
            }
            else if (evt.Payload.TryUnpack<ContactReclassified>(out var reclassified))
            {
                ids.Add(reclassified.ContactId);
            }
        }
        await db.Facts.LoadContactsAsync(ids, ct);
        await db.Facts.CouncilAsync(ct);
    }

    public async Task HandleAsync(ReportingDbContext db, FeedEvent evt, CancellationToken ct)
    {
        var batch = _counters;
        if (evt.Payload.TryUnpack<ContactReceived>(out var received))
        {
            await ReceivedAsync(db, batch, received, ct);
        }
        else if (evt.Payload.TryUnpack<ContactTriaged>(out var triaged))
        {
            await TriagedAsync(db, batch, triaged, ct);
        }
        else if (evt.Payload.TryUnpack<ContactReclassified>(out var reclassified))
        {
            var fact = await db.Facts.ContactAsync(reclassified.ContactId, ct);
            if (fact is not null && fact.Decision == (short)reclassified.FromDecision && fact.TriagedOn is { } triagedOn)
            {
                Decision(batch, fact, triagedOn, -1);
                fact.Decision = (short)reclassified.ToDecision;
                Decision(batch, fact, triagedOn, 1);
            }
        }
    }

    private async Task ReceivedAsync(ReportingDbContext db, CounterBatch batch, ContactReceived e, CancellationToken ct)
    {
        if (await db.Facts.ContactAsync(e.ContactId, ct) is not null)
        {
            return;
        }
        var clock = await dates.ClockAsync(db, ct);
        var fact = new ContactFact
        {
            ContactId = e.ContactId,
            Kind = (short)e.Kind,
            Channel = (short)e.Channel,
            ServiceAreaId = e.ServiceAreaId,
            ReceivedOn = clock.LocalDate(e.ReceivedAt),
        };
        db.Facts.Add(fact);
        batch.Both(Key(Metrics.Contact, fact, ""), fact.ReceivedOn, fact.ReceivedOn);
    }

    private async Task TriagedAsync(ReportingDbContext db, CounterBatch batch, ContactTriaged e, CancellationToken ct)
    {
        var clock = await dates.ClockAsync(db, ct);
        var fact = await db.Facts.ContactAsync(e.ContactId, ct);
        if (fact is null)
        {
            // Triaged without a ContactReceived (e.g. imported history): counted as received too.
            fact = new ContactFact
            {
                ContactId = e.ContactId,
                Kind = (short)e.Kind,
                Channel = (short)e.Channel,
                ServiceAreaId = e.ServiceAreaId,
                ReceivedOn = clock.LocalDate(e.ReceivedAt),
            };
            db.Facts.Add(fact);
            batch.Both(Key(Metrics.Contact, fact, ""), fact.ReceivedOn, fact.ReceivedOn);
        }
        if (fact.TriagedOn is { } earlier)
        {
            Decision(batch, fact, earlier, -1);
        }
        fact.Decision = (short)e.Decision;
        fact.TriagedOn = e.TriagedAt is null ? fact.ReceivedOn : clock.LocalDate(e.TriagedAt);
        Decision(batch, fact, fact.TriagedOn.Value, 1);
        if (!fact.Member && (e.MemberEnquiry || e.Kind == ContactKind.MemberEnquiry))
        {
            fact.Member = true;
            batch.Both(Key(Metrics.Member, fact, ""), fact.ReceivedOn, fact.TriagedOn.Value);
        }
    }

    private static void Decision(CounterBatch batch, ContactFact fact, DateOnly triagedOn, int sign) =>
        batch.Both(Key(Metrics.Triage, fact, ((TriageDecision)fact.Decision).ToString()), fact.ReceivedOn, triagedOn, sign);

    private static CounterKey Key(string metric, ContactFact fact, string code) =>
        new(metric, 0, default, fact.ServiceAreaId, "", "", 0, 0, fact.Channel, fact.Kind, code);
}
