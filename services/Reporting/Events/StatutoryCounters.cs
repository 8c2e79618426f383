using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using Google.Protobuf.WellKnownTypes;
using CaseFact = ComplaintsPlatform.Reporting.Data.CaseFact;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>
/// The statutory streams' figures per stage (the counters' stream grain keeps no stage, so the
/// stage travels in the code, "stage:measure"): complaints entering each stage, responses within
/// the timescale or over it, outcomes, and advocacy offered to children.
/// </summary>
internal static class StatutoryCounters
{
    public static bool Applies(short stream) =>
        stream is (short)ComplaintStream.AdultSocialCare or (short)ComplaintStream.ChildrenSocialCare;

    public static void Opened(CounterBatch batch, CaseFact fact)
    {
        if (Applies(fact.Stream))
        {
            batch.Both(Key(fact, 1, "entered"), fact.ReceivedOn, fact.ReceivedOn);
        }
    }

    /// <summary>After the case's own counters; the fact row is already tracked, so finding it costs no query.</summary>
    public static async Task ApplyAsync(ReportingDbContext db, CounterBatch batch, Any payload, CancellationToken ct)
    {
        var (header, stage, measures) = payload switch
        {
            _ when payload.TryUnpack<EscalationAccepted>(out var accepted) => (accepted.Header, accepted.ToStage, new[] { "entered" }),
            _ when payload.TryUnpack<ResponseSent>(out var response) => (response.Header, response.Header.Stage, new[]
            {
                "responses", response.WithinOriginalDeadline || response.WithinExtendedDeadline ? "in_time" : "over", "finding_" + response.Overall,
            }),
            _ when payload.TryUnpack<StatutoryStepRecorded>(out var step) && step.StepCode == "ADVOCACY_OFFERED" =>
                (step.Header, 0, new[] { "advocacy_offered", "advocacy_" + step.OutcomeCode.ToLowerInvariant() }),
            _ => ((CaseEventHeader?)null, 0, Array.Empty<string>()),
        };
        if (header is null || !Applies((short)header.Stream) || await db.Facts.CaseAsync(header.CaseId, ct) is not { } fact)
        {
            return;
        }
        foreach (var measure in measures)
        {
            batch.Both(Key(fact, stage, measure), fact.ReceivedOn, header.OccurredOn.ToDateOnly());
        }
    }

    /// <summary>From the case's own response counters, which know the stage's working days.</summary>
    public static void Responded(CounterBatch batch, CaseFact fact, CaseEventHeader header, int workingDays)
    {
        if (Applies(fact.Stream))
        {
            batch.Both(Key(fact, header.Stage, StageDays.Measure(workingDays)), fact.ReceivedOn, header.OccurredOn.ToDateOnly(), amount: workingDays);
        }
    }

    private static CounterKey Key(CaseFact fact, int stage, string measure) =>
        new(Metrics.Statutory, 0, default, fact.ServiceAreaId, "", fact.TeamId, fact.Stream, 0, 0, 0, $"{stage}:{measure}");
}
