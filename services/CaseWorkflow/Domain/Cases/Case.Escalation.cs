using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// Escalation: the person asks (within the window) → accepted, or refused where the policy allows it.
public sealed partial class Case
{
    /// <summary>
    /// The person asks for the next stage. The request is dated by its instant when known (<paramref name="requestedAt"/>,
    /// or now when neither it nor <paramref name="occurredOn"/> is given): made after close of business or on
    /// a non-working day, the next stage's clocks count from the next working day, as for a complaint's receipt.
    /// </summary>
    public void RequestEscalation(string reasons, DateOnly? occurredOn, CaseRules rules, Actor actor, DateTimeOffset? requestedAt = null)
    {
        if (Status == V1.CaseStatus.EscalationRequested)
        {
            throw new RuleViolationException("The person has already asked to escalate; the request is undecided.");
        }
        if (Ending == CaseEnding.Withdrawn)
        {
            throw new RuleViolationException("A withdrawn complaint cannot be escalated.");
        }
        if (Status != V1.CaseStatus.Closed || Ending != CaseEnding.ResponseSent)
        {
            throw new RuleViolationException(Status == V1.CaseStatus.Open
                ? $"{Stage.Name} has not been answered yet: escalation follows the response."
                : $"The case ended {Ending} without a response to escalate from.");
        }
        var next = rules.Stage(CurrentStage + 1)
            ?? throw new RuleViolationException($"{Stage.Name} is the last stage of this procedure; the next step is {rules.OmbudsmanName}.");
        // The Housing Ombudsman's Code: the resident need not say why, whatever the policy says.
        if (next.ReasonsRequiredToEscalate && Stream != ComplaintStream.Housing && string.IsNullOrWhiteSpace(reasons))
        {
            throw new RuleViolationException("This procedure asks the person to say why they are dissatisfied with the response.");
        }
        var at = requestedAt ?? (occurredOn is null ? actor.Now : null);
        if (at is { } instant && occurredOn is { } given && rules.Calendar.LocalDate(instant) != given)
        {
            throw new RuleViolationException(
                $"The request was made at {instant:u}, which is {rules.Calendar.LocalDate(instant):yyyy-MM-dd} in the council's time, not {given:yyyy-MM-dd}.");
        }
        if (at > actor.Now)
        {
            throw new RuleViolationException("A request to escalate cannot be made in the future.");
        }
        var on = When(at is { } a ? rules.Calendar.LocalDate(a) : occurredOn, rules, notBefore: Stage.Response!.SentOn!.Value, what: "the response");
        var countedFrom = at is { } received ? rules.Calendar.ReceivedOn(received) : rules.Calendar.NextWorkingDayOnOrAfter(on);
        var window = Running(next.Number, ClockKind.EscalationWindow);
        // Within the window by the day the person asked, even after close of business.
        var within = window is null || on <= window.Due;
        Meet(window, on);
        Escalations.Add(new EscalationRecord
        {
            ToStage = next.Number, RequestedOn = on, RequestedAt = at, CountedFrom = countedFrom, Reasons = reasons, WithinWindow = within,
        });
        Status = V1.CaseStatus.EscalationRequested;
        Ending = CaseEnding.Unspecified;
        StartClocks(next.Number, ClockStart.EscalationRequest, on, at, rules);
        if (next.IndependentPanelSize > 0)
        {
            // The request for a review panel starts its meeting clock (2006 regulations: 30 working days).
            StartClocks(next.Number, ClockStart.PanelRequest, on, at, rules);
        }
        Record(actor, "ESCALATION_REQUESTED", on, $"The person asked for {next.Name}" +
            (window is null ? "" : within ? $" within the window (until {window.Due:yyyy-MM-dd})" : $" after the window closed ({window.Due:yyyy-MM-dd})") +
            (countedFrom == on ? "" : $"; counted as received on {countedFrom:yyyy-MM-dd}, the next working day"));
        Raise(new EscalationRequested
        {
            Header = Header(actor, on), WithinWindow = within, WindowDue = DueOf(window), CountedFrom = ToDate(countedFrom),
        });
    }

    public void AcceptEscalation(DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        var request = PendingEscalation();
        var next = rules.Stage(request.ToStage)!;
        var on = When(occurredOn, rules, notBefore: request.RequestedOn, what: "the request");
        request.Accepted = true;
        request.DecidedOn = on;
        request.DecidedBy = actor.Id;
        Stages.Add(new StageRecord { Number = next.Number, Name = next.Name, OpenedOn = request.RequestedOn });
        CurrentStage = next.Number;
        Status = V1.CaseStatus.Open;
        Ending = CaseEnding.Unspecified;
        // A stage that needs a different person starts unallocated; the team stays as a starting point.
        HandlerId = next.DifferentHandlerRequired ? "" : HandlerId;
        var acknowledge = Running(next.Number, ClockKind.Acknowledge);
        Record(actor, "ESCALATION_ACCEPTED", on, $"{next.Name} opened" + (acknowledge is null ? "" : $"; acknowledge by {acknowledge.Due:yyyy-MM-dd}"));
        Raise(new EscalationAccepted { Header = Header(actor, on), ToStage = next.Number, AcknowledgeDue = DueOf(acknowledge) });
    }

    public void RefuseEscalation(string reasonCode, string explanation, DateOnly? occurredOn, CaseRules rules, Actor actor, bool? notifyPerson = null)
    {
        var request = PendingEscalation();
        var next = rules.Stage(request.ToStage)!;
        if (!next.EscalationRefusalAllowed)
        {
            throw new RuleViolationException(
                $"{rules.Policy.Name} does not allow refusing a request for {next.Name}: an unresolved complaint must go to the next stage.");
        }
        var on = When(occurredOn, rules, notBefore: request.RequestedOn, what: "the request");
        request.Refused = true;
        request.RefusalReasonCode = reasonCode;
        request.DecidedOn = on;
        request.DecidedBy = actor.Id;
        // The clocks the request started no longer run.
        Deadlines.RemoveAll(d => d.Stage == next.Number && d.MetOn is null);
        Status = V1.CaseStatus.Closed;
        Ending = CaseEnding.EscalationRefused;
        var notify = ShouldNotify(notifyPerson, on, rules);
        Record(actor, "ESCALATION_REFUSED", on, $"Request for {next.Name} refused ({reasonCode}); signposted to {rules.OmbudsmanName}" + NotWrittenTo(notify));
        Raise(new EscalationRefused { Header = Header(actor, on), ReasonCode = reasonCode, NextBody = NextBody });
        if (notify)
        {
            Letter("ESCALATION_REFUSED", null, new()
            {
                ["stage"] = next.Number.ToString(),
                ["reason_code"] = reasonCode,
                ["next_body"] = NextBody.ToString(),
            }, new() { ["refusal_explanation"] = explanation });
        }
        Closed(actor, on, Stage.Response?.Overall ?? Finding.Unspecified);
    }

    private EscalationRecord PendingEscalation() =>
        Status == V1.CaseStatus.EscalationRequested
            ? Escalations.Last()
            : throw new RuleViolationException("There is no undecided request to escalate this case.");
}
