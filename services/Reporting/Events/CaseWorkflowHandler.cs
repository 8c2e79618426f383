using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using CaseFact = ComplaintsPlatform.Reporting.Data.CaseFact;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>
/// CaseWorkflow's feed: the council's organisation, and every case event as counters attributed to
/// the case's current service area and team (kept in a small fact row per case).
/// </summary>
public sealed class CaseWorkflowHandler(CouncilDates dates) : IFeedBulkHandler<ReportingDbContext>
{
    // Counter changes of every event in the consumer's transaction, merged and upserted once before it commits.
    private readonly CounterBatch _counters = new();

    public Task BeforeCommitAsync(ReportingDbContext db, CancellationToken ct) => _counters.FlushAsync(db, ct);

    /// <summary>The batch's cases, remedies and waiting Ombudsman referrals, one query each.</summary>
    public async Task PrepareAsync(ReportingDbContext db, IReadOnlyList<FeedEvent> events, CancellationToken ct)
    {
        var (cases, opened, remedies) = (new List<string>(events.Count), new List<string>(), new List<string>());
        foreach (var evt in events)
        {
            var message = Unpack(evt);
            if (message?.Descriptor.FindFieldByName("header")?.Accessor.GetValue(message) is CaseEventHeader header)
            {
                cases.Add(header.CaseId);
            }
            switch (message)
            {
                case CaseOpened e:
                    opened.Add(e.Header.CaseId);
                    break;
                case RemedyAgreed e:
                    remedies.Add(e.RemedyId);
                    break;
                case RemedyCompleted e:
                    remedies.Add(e.RemedyId);
                    break;
            }
        }
        await db.Facts.LoadCasesAsync(cases, ct);
        await db.Facts.LoadRemediesAsync(remedies, ct);
        if (opened.Count > 0)
        {
            // Before the waiting referrals are read: see OmbudsmanReferrals.
            await OmbudsmanReferrals.SerialiseAsync(db, ct);
            await db.Facts.LoadWaitingReferralsAsync(opened, ct);
        }
        await db.Facts.CouncilAsync(ct);
    }

    public async Task HandleAsync(ReportingDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (evt.Payload.TryUnpack<CouncilConfigurationChanged>(out var configuration))
        {
            await CouncilDirectory.ApplyAsync(db, configuration, ct);
            return;
        }
        if (evt.Payload.TryUnpack<ProcedurePolicyChanged>(out var policy))
        {
            await PolicyConformance.ApplyAsync(db, policy, ct);
            return;
        }
        var batch = _counters;
        switch (Unpack(evt))
        {
            case CaseOpened e:
                await OpenedAsync(db, batch, e, ct);
                break;
            case CaseAllocated e when await FactAsync(db, e.Header, ct) is { } fact:
                if (fact.ServiceAreaId != e.ServiceAreaId || fact.TeamId != e.TeamId)
                {
                    batch.Both(Key(Metrics.Opened, fact, 1, ""), fact.ReceivedOn, fact.ReceivedOn, -1);
                    fact.ServiceAreaId = e.ServiceAreaId;
                    fact.TeamId = e.TeamId;
                    batch.Both(Key(Metrics.Opened, fact, 1, ""), fact.ReceivedOn, fact.ReceivedOn);
                }
                break;
            case CaseAcknowledged e when await FactAsync(db, e.Header, ct) is { } fact:
                Both(batch, fact, e.Header, Metrics.Ack, e.WithinDeadline ? "on_time" : "late");
                break;
            case ResponseSent e when await FactAsync(db, e.Header, ct) is { } fact:
                Responded(batch, fact, e, await dates.ClockAsync(db, ct));
                break;
            case CaseEnded e when await FactAsync(db, e.Header, ct) is { } fact:
                Both(batch, fact, e.Header, Metrics.Ending, e.Ending.ToString());
                break;
            case EscalationRequested e when await FactAsync(db, e.Header, ct) is { } fact:
                Both(batch, fact, e.Header, Metrics.EscalationRequested, "");
                break;
            case EscalationAccepted e when await FactAsync(db, e.Header, ct) is { } fact:
                fact.StageStartedOn = e.Header.OccurredOn.ToDateOnly();
                Both(batch, fact, e.Header, Metrics.EscalationAccepted, "", stage: e.ToStage);
                break;
            case EscalationRefused e when await FactAsync(db, e.Header, ct) is { } fact:
                Both(batch, fact, e.Header, Metrics.EscalationRefused, e.ReasonCode);
                break;
            case RemedyAgreed e when await FactAsync(db, e.Header, ct) is { } fact:
                await RemedyAgreedAsync(db, batch, fact, e, ct);
                break;
            case RemedyCompleted e when await FactAsync(db, e.Header, ct) is { } fact:
                await RemedyCompletedAsync(db, batch, fact, e, ct);
                break;
            case OfficerTimeLogged e when await FactAsync(db, e.Header, ct) is { } fact:
                TimeLogged(batch, fact, e);
                break;
            case LearningRecorded e when await FactAsync(db, e.Header, ct) is { } fact:
                Learned(batch, fact, e);
                break;
        }
        // Reporting 2: the statutory streams per stage.
        await StatutoryCounters.ApplyAsync(db, batch, evt.Payload, ct);
    }

    private static readonly Dictionary<string, MessageParser> Parsers = new MessageDescriptor[]
    {
        CaseOpened.Descriptor, CaseAllocated.Descriptor, CaseAcknowledged.Descriptor, ResponseSent.Descriptor,
        CaseEnded.Descriptor, EscalationRequested.Descriptor, EscalationAccepted.Descriptor, EscalationRefused.Descriptor,
        RemedyAgreed.Descriptor, RemedyCompleted.Descriptor, LearningRecorded.Descriptor, OfficerTimeLogged.Descriptor,
    }.ToDictionary(d => d.FullName, d => d.Parser);

    private static IMessage? Unpack(FeedEvent evt) =>
        Parsers.TryGetValue(Any.GetTypeName(evt.Payload.TypeUrl), out var parser) ? parser.ParseFrom(evt.Payload.Value) : null;

    private async Task OpenedAsync(ReportingDbContext db, CounterBatch batch, CaseOpened e, CancellationToken ct)
    {
        if (await db.Facts.CaseAsync(e.Header.CaseId, ct) is not null)
        {
            return;
        }
        var receivedOn = e.ReceivedAt is null
            ? e.Header.OccurredOn.ToDateOnly()
            : (await dates.ClockAsync(db, ct)).LocalDate(e.ReceivedAt);
        var fact = new CaseFact
        {
            CaseId = e.Header.CaseId,
            ServiceAreaId = e.ServiceAreaId,
            Stream = (short)e.Header.Stream,
            ReceivedOn = receivedOn,
            StageStartedOn = receivedOn,
        };
        db.Facts.Add(fact);
        batch.Both(Key(Metrics.Opened, fact, 1, ""), receivedOn, receivedOn);
        StatutoryCounters.Opened(batch, fact);
        await OmbudsmanReferrals.CaseOpenedAsync(db, batch, fact, ct);
    }

    private void Responded(CounterBatch batch, CaseFact fact, ResponseSent e, CouncilClock clock)
    {
        var on = e.Header.OccurredOn.ToDateOnly();
        Both(batch, fact, e.Header, Metrics.Response, "total");
        var code = e.WithinOriginalDeadline ? "orig" : e.WithinExtendedDeadline ? "ext_only" : "over";
        Both(batch, fact, e.Header, Metrics.Response, code);
        if (e.ExtendedDue.IsSet())
        {
            Both(batch, fact, e.Header, Metrics.Response, "extended");
        }
        var days = CouncilDates.WorkingDaysBetween(clock, fact.StageStartedOn, on);
        Both(batch, fact, e.Header, Metrics.ResponseDays, days.ToString(System.Globalization.CultureInfo.InvariantCulture), amount: days);
        StatutoryCounters.Responded(batch, fact, e.Header, days);
        Both(batch, fact, e.Header, Metrics.Finding, e.Overall.ToString());
        if (e.Overall is Finding.Upheld or Finding.PartlyUpheld && fact.FaultFoundOn is null)
        {
            fact.FaultFoundOn = on;
            Both(batch, fact, e.Header, Metrics.FaultFound, "", stage: 0);
            if (fact.HasLesson)
            {
                Both(batch, fact, e.Header, Metrics.FaultWithLesson, "", stage: 0);
            }
        }
    }

    /// <summary>A remedy is outstanding from the month it was agreed until it is completed.</summary>
    private static async Task RemedyAgreedAsync(ReportingDbContext db, CounterBatch batch, CaseFact fact, RemedyAgreed e, CancellationToken ct)
    {
        Both(batch, fact, e.Header, Metrics.Remedy, e.TypeCode, amount: e.AmountPence);
        if (string.IsNullOrEmpty(e.RemedyId) || await db.Facts.RemedyAsync(e.RemedyId, ct) is not null)
        {
            return;
        }
        db.Facts.Add(new RemedyFact
        {
            RemedyId = e.RemedyId, CaseId = fact.CaseId, AgreedOn = e.Header.OccurredOn.ToDateOnly(),
            ServiceAreaId = fact.ServiceAreaId, TeamId = fact.TeamId, Stage = (short)e.Header.Stage, TypeCode = e.TypeCode,
        });
        Both(batch, fact, e.Header, Metrics.RemedyOutstanding, e.TypeCode);
    }

    private static async Task RemedyCompletedAsync(ReportingDbContext db, CounterBatch batch, CaseFact fact, RemedyCompleted e, CancellationToken ct)
    {
        var remedy = await db.Facts.RemedyAsync(e.RemedyId, ct);
        if (remedy is null || remedy.Completed)
        {
            return;
        }
        remedy.Completed = true;
        Both(batch, fact, e.Header, Metrics.RemedyCompleted, e.Late ? "late" : "on_time", amount: e.AmountPence);
        var open = Key(Metrics.RemedyOutstanding, fact, remedy.Stage, remedy.TypeCode) with { ServiceAreaId = remedy.ServiceAreaId, TeamId = remedy.TeamId };
        batch.Both(open, fact.ReceivedOn, remedy.AgreedOn, -1);
    }

    /// <summary>Minutes (the amount) and entries; a case counts once per stage it had time logged at.</summary>
    private static void TimeLogged(CounterBatch batch, CaseFact fact, OfficerTimeLogged e)
    {
        var on = e.WorkedOn.IsSet() ? e.WorkedOn.ToDateOnly() : e.Header.OccurredOn.ToDateOnly();
        var key = Key(Metrics.OfficerTime, fact, e.Header.Stage, "");
        if (!string.IsNullOrEmpty(e.ServiceAreaId))
        {
            key = key with { ServiceAreaId = e.ServiceAreaId };
        }
        batch.Both(key, fact.ReceivedOn, on, 1, e.Minutes);
        var bit = (short)(1 << Math.Clamp(e.Header.Stage, 0, 14));
        if ((fact.TimeStages & bit) == 0)
        {
            fact.TimeStages |= bit;
            batch.Both(key with { Metric = Metrics.OfficerTimeCase }, fact.ReceivedOn, on);
        }
    }

    private static void Learned(CounterBatch batch, CaseFact fact, LearningRecorded e)
    {
        var on = e.Header.OccurredOn.ToDateOnly();
        var key = Key(Metrics.Learning, fact, e.Header.Stage, e.NatureCategoryCode);
        if (!string.IsNullOrEmpty(e.ServiceAreaId))
        {
            key = key with { ServiceAreaId = e.ServiceAreaId };
        }
        // A case's lessons count once; its actions by how many more than were last counted.
        batch.Both(key, fact.ReceivedOn, on, fact.HasLesson ? 0 : 1, e.Actions - fact.LearningActions);
        fact.LearningActions = e.Actions;
        if (!fact.HasLesson)
        {
            fact.HasLesson = true;
            if (fact.FaultFoundOn is { } faultOn)
            {
                batch.Both(Key(Metrics.FaultWithLesson, fact, 0, ""), fact.ReceivedOn, faultOn);
            }
        }
    }

    private static void Both(CounterBatch batch, CaseFact fact, CaseEventHeader header, string metric, string code, long amount = 0, int? stage = null) =>
        batch.Both(Key(metric, fact, stage ?? header.Stage, code), fact.ReceivedOn, header.OccurredOn.ToDateOnly(), 1, amount);

    private static CounterKey Key(string metric, CaseFact fact, int stage, string code) =>
        new(metric, 0, default, fact.ServiceAreaId, "", fact.TeamId, fact.Stream, (short)stage, 0, 0, code);

    private static async Task<CaseFact?> FactAsync(ReportingDbContext db, CaseEventHeader header, CancellationToken ct) =>
        await db.Facts.CaseAsync(header.CaseId, ct);
}
