using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>One historic case as a source system recorded it: ids, codes and dates, no free text.</summary>
public sealed record HistoricCase
{
    public required string SourceId { get; init; }
    public required string Reference { get; init; }
    public string ContactId { get; init; } = "";
    public string PersonId { get; init; } = "";
    public required ComplaintStream Stream { get; init; }
    public required string DirectorateId { get; init; }
    public required string ServiceAreaId { get; init; }
    public string TeamId { get; init; } = "";
    public string HandlerId { get; init; } = "";
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateOnly? AcknowledgeDue { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }
    public DateOnly? RespondDue { get; init; }
    public int? ExtensionWorkingDays { get; init; }
    public DateOnly? ExtendedOn { get; init; }
    public DateOnly? RespondedOn { get; init; }
    public Finding Finding { get; init; }
    public DateOnly? EscalationRequestedOn { get; init; }
    public DateOnly? EscalationAcceptedOn { get; init; }
    public DateOnly? EscalationRefusedOn { get; init; }
    public string RefusalReasonCode { get; init; } = "";
    public string Stage2HandlerId { get; init; } = "";
    public DateOnly? Stage2AcknowledgedOn { get; init; }
    public DateOnly? Stage2RespondDue { get; init; }
    public DateOnly? Stage2RespondedOn { get; init; }
    public Finding Stage2Finding { get; init; }
    public CaseEnding Ending { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string NatureCategory { get; init; } = "";
    public string RootCause { get; init; } = "";
    public int? OfficerMinutes { get; init; }
}

/// <summary>
/// Replays a historic case through the case's own commands in the order they happened, so every
/// deadline and timeliness flag comes from the policy of its time and the events are a live case's.
/// A step the rules refuse fails the row with the rule's reason.
/// </summary>
public static class HistoricCaseReplay
{
    // The source system kept the words; the platform records that they exist elsewhere.
    private const string ElsewhereNote = "Recorded in the source system";
    private const string Issue = "issue-1";

    public static (Case Case, IReadOnlyList<TimeEntryNote> Time) Replay(Guid id, HistoricCase h, ImportOrigin origin, CaseRules rules, Actor actor)
    {
        var c = Case.Open(id, h.Reference, h.ContactId, h.PersonId, h.ServiceAreaId, h.DirectorateId, h.ReceivedAt,
            fromIntake: h.ContactId.Length > 0, rules, actor, origin);
        if (h.AcknowledgeDue is { } ackDue)
        {
            c.GiveDue(1, ClockKind.Acknowledge, ackDue, rules, actor);
        }
        c.Allocate(h.DirectorateId, h.ServiceAreaId, h.TeamId, h.HandlerId.Length > 0 ? h.HandlerId : "imported",
            ReallocationReason.Unspecified, c.ReceivedOn, rules, actor);
        if (h.AcknowledgedOn is { } ackOn)
        {
            c.DefineIssue(ElsewhereNote, ackOn, rules, actor);
            c.Acknowledge("", "", null, ackOn, rules, actor);
        }
        if (h.RespondDue is { } respondDue)
        {
            c.GiveDue(1, ClockKind.Respond, respondDue, rules, actor);
        }
        if (h.ExtensionWorkingDays is { } days)
        {
            c.Extend(days, ElsewhereNote, sendNotice: false, h.ExtendedOn ?? h.AcknowledgedOn, rules, actor);
        }
        if (h.RespondedOn is { } respondedOn)
        {
            c.SendResponse(new Dictionary<string, Finding> { [Issue] = h.Finding }, h.Finding, "", respondedOn, rules, actor);
        }
        if (h.EscalationRequestedOn is { } requestedOn)
        {
            c.RequestEscalation(ElsewhereNote, requestedOn, rules, actor);
        }
        if (h.EscalationRefusedOn is { } refusedOn)
        {
            c.RefuseEscalation(h.RefusalReasonCode, "", refusedOn, rules, actor);
        }
        if (h.EscalationAcceptedOn is { } acceptedOn)
        {
            Stage2(c, h, acceptedOn, rules, actor);
        }
        if (h.Ending != CaseEnding.Unspecified)
        {
            c.End(h.Ending, "", h.EndedOn, rules, actor);
        }
        if (h.NatureCategory.Length > 0)
        {
            var learnedOn = new[] { h.Stage2RespondedOn, h.RespondedOn, h.EndedOn, h.AcknowledgedOn }.FirstOrDefault(d => d is not null);
            c.RecordLearning(h.NatureCategory, h.RootCause, "", [], learnedOn, rules, actor);
        }
        var time = new List<TimeEntryNote>();
        if (h.OfficerMinutes is { } minutes)
        {
            // A day's entry is at most 1440 minutes: a historic total is logged as whole days and the rest.
            var officer = actor with { Id = c.HandlerId };
            var workedOn = new[] { h.Stage2RespondedOn, h.RespondedOn, h.EndedOn, h.AcknowledgedOn }.FirstOrDefault(d => d is not null) ?? c.ReceivedOn;
            for (var left = minutes; left > 0; left -= 1440)
            {
                time.Add(c.LogTime(Math.Min(left, 1440), "HISTORIC", workedOn, rules, officer));
            }
        }
        c.FinishImport();
        return (c, time);
    }

    private static void Stage2(Case c, HistoricCase h, DateOnly acceptedOn, CaseRules rules, Actor actor)
    {
        c.AcceptEscalation(acceptedOn, rules, actor);
        var handler = h.Stage2HandlerId.Length > 0 ? h.Stage2HandlerId : c.HandlerId.Length > 0 ? c.HandlerId : "imported-stage-2";
        if (handler != c.HandlerId)
        {
            c.Allocate(c.DirectorateId, c.ServiceAreaId, c.TeamId, handler,
                c.HandlerId.Length > 0 ? ReallocationReason.Other : ReallocationReason.Unspecified, acceptedOn, rules, actor);
        }
        if (h.Stage2AcknowledgedOn is { } ackOn)
        {
            c.Acknowledge("", "", null, ackOn, rules, actor);
        }
        if (h.Stage2RespondDue is { } due)
        {
            c.GiveDue(c.CurrentStage, ClockKind.Respond, due, rules, actor);
        }
        if (h.Stage2RespondedOn is { } respondedOn)
        {
            c.SendResponse(new Dictionary<string, Finding> { [Issue] = h.Stage2Finding }, h.Stage2Finding, "", respondedOn, rules, actor);
        }
    }
}
