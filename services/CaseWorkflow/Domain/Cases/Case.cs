using System.Text.Json.Serialization;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Google.Protobuf;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>
/// A complaint's life under the procedure policy it opened with: a stage machine that records every
/// fact with the date it happened, who recorded it and when, and refuses an illegal move with a reason.
/// Statutory specifics (agreed periods, panels, independent persons) are issue 7's and hang off the policy.
/// </summary>
public sealed partial class Case
{
    private readonly List<IMessage> _events = [];
    private readonly List<LetterRequest> _letters = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string ContactId { get; private set; } = "";
    public string PersonId { get; private set; } = "";
    public ComplaintStream Stream { get; private set; }
    public int PolicyVersion { get; private set; }
    public V1.CaseStatus Status { get; private set; }
    public CaseEnding Ending { get; private set; }
    public int CurrentStage { get; private set; }
    public string DirectorateId { get; private set; } = "";
    public string ServiceAreaId { get; private set; } = "";
    public string TeamId { get; private set; } = "";
    public string HandlerId { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public NextBody NextBody { get; private set; }
    public List<StageRecord> Stages { get; private set; } = [];
    public List<IssueRecord> Issues { get; private set; } = [];
    public List<Deadline> Deadlines { get; private set; } = [];
    public List<EscalationRecord> Escalations { get; private set; } = [];
    public List<RemedyRecord> Remedies { get; private set; } = [];
    public LearningRecord? Learning { get; private set; }
    public StatutoryRecord Statutory { get; private set; } = new();
    public List<CaseFactEntry> Facts { get; private set; } = [];

    /// <summary>Events for the feed raised by the last commands, not yet staged in the outbox.</summary>
    [JsonIgnore]
    public IReadOnlyList<IMessage> PendingEvents => _events;

    /// <summary>Letters to ask Intake for, raised by the last commands.</summary>
    [JsonIgnore]
    public IReadOnlyList<LetterRequest> PendingLetters => _letters;

    [JsonIgnore]
    public StageRecord Stage => Stages.Single(s => s.Number == CurrentStage);

    /// <summary>The earliest date the council must meet next (officers' clocks only; the person's escalation window is theirs).</summary>
    [JsonIgnore]
    public DateOnly? NextDeadline => Deadlines.Where(d => IsLive(d) && d.Kind != ClockKind.EscalationWindow).Select(d => (DateOnly?)d.Due).Min();

    /// <summary>Whether a calendar change could still move one of this case's deadlines.</summary>
    [JsonIgnore]
    public bool HasOpenDeadlines => Deadlines.Any(IsLive);

    public static Case Open(
        Guid id, string reference, string contactId, string personId, string serviceAreaId, string directorateId,
        DateTimeOffset receivedAt, bool fromIntake, CaseRules rules, Actor actor, ImportOrigin? importedFrom = null)
    {
        if (receivedAt > actor.Now)
        {
            throw new RuleViolationException("A complaint cannot be received in the future.");
        }
        var receivedOn = rules.Calendar.ReceivedOn(receivedAt);
        var first = rules.Policy.Stages.OrderBy(s => s.Number).First();
        var c = new Case
        {
            Id = id,
            Reference = reference,
            ContactId = contactId,
            PersonId = personId,
            Stream = rules.Policy.Stream,
            PolicyVersion = rules.Policy.Version,
            Status = V1.CaseStatus.Open,
            CurrentStage = first.Number,
            ServiceAreaId = serviceAreaId,
            DirectorateId = directorateId,
            ReceivedAt = receivedAt,
            ReceivedOn = rules.Calendar.LocalDate(receivedAt),
            NextBody = rules.Policy.NextBody,
        };
        if (importedFrom is not null)
        {
            c.BeginImport(importedFrom);
        }
        c.Stages.Add(new StageRecord { Number = first.Number, Name = first.Name, OpenedOn = c.ReceivedOn });
        c.StartClocks(first.Number, ClockStart.Receipt, c.ReceivedOn, receivedAt, rules);
        c.Record(actor, "OPENED", c.ReceivedOn,
            $"Opened at {first.Name} under {rules.Policy.Name} version {rules.Policy.Version}; counted as received {receivedOn:yyyy-MM-dd}" +
            (importedFrom is not null ? $" (imported from {importedFrom.SourceFile} line {importedFrom.Line})"
                : fromIntake ? " (from Intake's triage)" : " (logged by the complaints team)"));
        c.Raise(new CaseOpened
        {
            Header = c.Header(actor, c.ReceivedOn),
            PersonId = personId,
            PolicyVersion = c.PolicyVersion,
            ServiceAreaId = serviceAreaId,
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(receivedAt),
            AcknowledgeDue = DueOf(c.Running(first.Number, ClockKind.Acknowledge)),
            FromIntake = fromIntake,
        });
        return c;
    }

    public void Acknowledge(string about, string outcomeSought, DateOnly? matterHappenedOn, DateOnly? occurredOn, CaseRules rules, Actor actor,
        bool discussionOffered = false, bool discussionAccepted = false, bool? notifyPerson = null)
    {
        RequireOpen("acknowledge");
        RequireEligible(rules);
        var stage = Stage;
        if (stage.Acknowledgement is not null)
        {
            throw new RuleViolationException($"{stage.Name} was already acknowledged on {stage.Acknowledgement.AcknowledgedOn:yyyy-MM-dd}.");
        }
        var on = When(occurredOn, rules, notBefore: stage.OpenedOn, what: $"the start of {stage.Name}");
        if (matterHappenedOn > rules.Today)
        {
            throw new RuleViolationException("The matter complained about cannot have happened in the future.");
        }
        CheckDiscussionOffer(discussionOffered, discussionAccepted, rules);
        stage.Acknowledgement = new AcknowledgementRecord
        {
            About = about,
            OutcomeSought = outcomeSought,
            MatterHappenedOn = matterHappenedOn,
            AcknowledgedOn = on,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        };
        var due = Running(stage.Number, ClockKind.Acknowledge);
        var withinDeadline = due is null || on <= due.Due;
        Meet(due, on);
        StartClocks(stage.Number, ClockStart.Acknowledgement, on, null, rules);
        var respond = Running(stage.Number, ClockKind.Respond);
        var notify = ShouldNotify(notifyPerson, on, rules);
        Record(actor, "ACKNOWLEDGED", on, $"{stage.Name} acknowledged" +
            (due is null ? "" : withinDeadline ? $" within the deadline ({due.Due:yyyy-MM-dd})" : $" late (due {due.Due:yyyy-MM-dd})") +
            (respond is null ? "" : $"; response due {respond.Due:yyyy-MM-dd}") + NotWrittenTo(notify));
        Raise(new CaseAcknowledged { Header = Header(actor, on), RespondDue = DueOf(respond), WithinDeadline = withinDeadline });
        if (Statutory.DiscussionOffered && stage.Number == 1)
        {
            Raise(Step(actor, on, "DISCUSSION_OFFERED", discussionAccepted ? "ACCEPTED" : "DECLINED"));
        }
        if (notify)
        {
            Letter(stage.Number == 1 ? "CASE_ACKNOWLEDGED" : "ESCALATION_ACKNOWLEDGED", respond?.Due,
                new() { ["stage"] = stage.Number.ToString(), ["respond_due"] = Iso(respond?.Due) });
        }
    }

    public IssueRecord DefineIssue(string summary, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("define an issue on");
        var on = When(occurredOn, rules, notBefore: ReceivedOn, what: "receipt");
        var issue = new IssueRecord
        {
            Id = $"issue-{Issues.Count + 1}",
            Summary = summary,
            DefinedOn = on,
            Stage = CurrentStage,
            DefinedBy = actor.Id,
        };
        Issues.Add(issue);
        Record(actor, "ISSUE_DEFINED", on, $"Issue {issue.Id} defined at stage {CurrentStage}");
        Raise(new IssueDefined { Header = Header(actor, on), IssueId = issue.Id });
        return issue;
    }

    public void Allocate(string directorateId, string serviceAreaId, string teamId, string handlerId,
        ReallocationReason reason, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("allocate");
        RequireEligible(rules);
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        var reallocation = HandlerId.Length > 0;
        if (reallocation && reason == ReallocationReason.Unspecified)
        {
            throw new RuleViolationException("The case is already allocated: a re-allocation needs its reason.");
        }
        if (rules.Stage(CurrentStage) is { DifferentHandlerRequired: true } && EarlierStageOfficers().Contains(handlerId))
        {
            throw new RuleViolationException(
                $"{Stage.Name} must be considered by someone other than the earlier stage's handler; {handlerId} handled it.");
        }
        var previous = HandlerId;
        DirectorateId = directorateId;
        ServiceAreaId = serviceAreaId;
        TeamId = teamId;
        HandlerId = handlerId;
        if (!Stage.HandlerIds.Contains(handlerId))
        {
            Stage.HandlerIds.Add(handlerId);
        }
        Record(actor, reallocation ? "REALLOCATED" : "ALLOCATED", on,
            $"{(reallocation ? "Re-allocated" : "Allocated")} to {handlerId} ({teamId}, {serviceAreaId})" +
            (reallocation ? $" from {previous}: {reason}" : ""));
        Raise(new CaseAllocated
        {
            Header = Header(actor, on),
            DirectorateId = directorateId,
            ServiceAreaId = serviceAreaId,
            TeamId = teamId,
            HandlerId = handlerId,
            Reallocated = reallocation,
            Reason = reason,
            PreviousHandlerId = previous,
        });
    }

    /// <summary>Moves every unmet deadline onto a new calendar; records and announces each one that moved.</summary>
    public int RecomputeDeadlines(CaseRules rules, Actor actor, string reason)
    {
        var moved = 0;
        foreach (var deadline in Deadlines.Where(IsLive).ToList())
        {
            var previous = deadline.Due;
            if (!deadline.Compute(rules.Calendar, rules.CalendarVersion))
            {
                continue;
            }
            moved++;
            Record(actor, "DEADLINE_MOVED", rules.Today,
                $"{deadline.Kind} at stage {deadline.Stage} moved from {previous:yyyy-MM-dd} to {deadline.Due:yyyy-MM-dd}: {reason}");
            Raise(new DeadlineRecomputed
            {
                Header = Header(actor, rules.Today),
                Kind = deadline.Kind,
                PreviousDue = ToDate(previous),
                NewDue = ToDate(deadline.Due),
                CalendarVersion = rules.CalendarVersion,
            });
            Letter("DEADLINE_MOVED", deadline.Due, new()
            {
                ["kind"] = deadline.Kind.ToString(),
                ["stage"] = deadline.Stage.ToString(),
                ["previous_due"] = Iso(previous),
                ["new_due"] = Iso(deadline.Due),
            });
        }
        return moved;
    }

    /// <summary>
    /// A clock still running: unmet while a stage is open; once closed, only the person's window to
    /// escalate after a response (a withdrawn or refused case has no clocks left to move; an imported
    /// closed case is history, so no calendar change writes to its person about it).
    /// </summary>
    private bool IsLive(Deadline d) => d.MetOn is null && (Status != V1.CaseStatus.Closed
        || (d.Kind == ClockKind.EscalationWindow && Ending == CaseEnding.ResponseSent && !IsImported));

    public void ClearPending()
    {
        _events.Clear();
        _letters.Clear();
    }
}
