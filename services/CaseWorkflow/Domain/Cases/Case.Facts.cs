using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// How facts are dated, recorded and announced: one place for the date rules and the event header.
public sealed partial class Case
{
    /// <summary>
    /// The date a fact happened: today when not given; past dates accepted (late logging, migration);
    /// never in the future and never before <paramref name="notBefore"/> (receipt, or the step it follows).
    /// </summary>
    private DateOnly When(DateOnly? occurredOn, CaseRules rules, DateOnly notBefore, string what)
    {
        var on = occurredOn ?? rules.Today;
        if (on > rules.Today)
        {
            throw new RuleViolationException($"A fact cannot be dated in the future ({on:yyyy-MM-dd} is after today, {rules.Today:yyyy-MM-dd}).");
        }
        if (on < ReceivedOn)
        {
            throw new RuleViolationException($"A fact cannot be dated before the complaint was received ({ReceivedOn:yyyy-MM-dd}).");
        }
        if (on < notBefore)
        {
            throw new RuleViolationException($"This cannot be dated {on:yyyy-MM-dd}, before {what} ({notBefore:yyyy-MM-dd}).");
        }
        return on;
    }

    /// <summary>
    /// Whether to write to the person about a fact dated <paramref name="on"/>: as asked, or else yes for
    /// something happening today and no for history entered by hand (a person who complained years ago
    /// is not sent its letters now).
    /// </summary>
    private static bool ShouldNotify(bool? notifyPerson, DateOnly on, CaseRules rules) => notifyPerson ?? on >= rules.Today;

    private static string NotWrittenTo(bool notified) => notified ? "" : "; the person was not written to";

    /// <summary>
    /// A stage the policy gives to someone other than the earlier stages' officers (the Code, 6.12): no
    /// officer who handled, drafted or sent an earlier stage's response may act on it. The complaints
    /// team's quality review is not such an act. Replayed history is what happened, and is not refused.
    /// </summary>
    private void RequireSomeoneElse(string officerId, string act, CaseRules rules)
    {
        if (_replaying || rules.Stage(CurrentStage) is not { DifferentHandlerRequired: true } || !EarlierStageOfficers().Contains(officerId))
        {
            return;
        }
        throw new RuleViolationException(
            $"{Stage.Name} must be considered by someone other than the earlier stage's handler; {officerId} handled, drafted or sent " +
            $"an earlier stage's response, so may not {act}.");
    }

    private HashSet<string> EarlierStageOfficers() => Stages.Where(s => s.Number < CurrentStage)
        .SelectMany(s => s.HandlerIds.Append(s.Response?.DraftedBy ?? "").Append(s.Response?.SentBy ?? ""))
        .Where(id => id.Length > 0).ToHashSet();

    /// <summary>Whoever drafts or sends a stage's response is among its handlers (not the importer of replayed history).</summary>
    private void AddResponder(StageRecord stage, string officerId)
    {
        if (!_replaying && officerId.Length > 0 && !stage.HandlerIds.Contains(officerId))
        {
            stage.HandlerIds.Add(officerId);
        }
    }

    private void RequireOpen(string action)
    {
        if (Status == V1.CaseStatus.Open)
        {
            return;
        }
        throw new RuleViolationException(Status == V1.CaseStatus.EscalationRequested
            ? $"Cannot {action} the case while the request to escalate it is undecided."
            : $"Cannot {action} a closed case ({Ending}).");
    }

    private void StartClocks(int stage, ClockStart trigger, DateOnly start, DateTimeOffset? startInstant, CaseRules rules)
    {
        foreach (var clock in rules.Stage(stage)?.Clocks.Where(c => c.StartsOn == trigger) ?? [])
        {
            Deadlines.RemoveAll(d => d.Stage == stage && d.Kind == clock.Kind);
            Deadlines.Add(Deadline.Start(stage, clock, start, startInstant, rules));
        }
    }

    private Deadline? Running(int stage, ClockKind kind) => Deadlines.FirstOrDefault(d => d.Stage == stage && d.Kind == kind && d.MetOn is null);

    private static void Meet(Deadline? deadline, DateOnly on)
    {
        if (deadline is not null)
        {
            deadline.MetOn = on;
        }
    }

    private void Record(Actor actor, string kind, DateOnly on, string summary) => Facts.Add(new CaseFactEntry
    {
        Sequence = Facts.Count + 1,
        Kind = kind,
        OccurredOn = on,
        RecordedAt = actor.Now,
        RecordedBy = actor.Id,
        Role = actor.Role,
        Summary = summary,
    });

    private void Raise(IMessage message) => _events.Add(message);

    private void Letter(string template, DateOnly? deadline, Dictionary<string, string> facts, Dictionary<string, string>? texts = null) =>
        _letters.Add(new LetterRequest(Guid.CreateVersion7(), template, facts, deadline, texts ?? []));

    internal CaseEventHeader Header(Actor actor, DateOnly on) => new()
    {
        CaseId = Id.ToString(),
        ContactId = ContactId,
        Reference = Reference,
        Stream = Stream,
        Stage = CurrentStage,
        OccurredOn = ToDate(on),
        RecordedAt = Timestamp.FromDateTimeOffset(actor.Now),
        RecordedBy = actor.Id,
        Imported = _replaying,
    };

    private static Google.Type.Date? DueOf(Deadline? deadline) => deadline is null ? null : ToDate(deadline.Due);

    internal static Google.Type.Date ToDate(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "";
}
