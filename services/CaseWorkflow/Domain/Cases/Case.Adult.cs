using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// Adult social care (SI 2009/309): the response period agreed with the person and renegotiable, the
// 6-month backstop the person may agree to extend, the delay notice when either passes.
public sealed partial class Case
{
    public void AgreeResponsePeriod(DateOnly agreedDue, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("agree a response period for");
        if (rules.Stage(CurrentStage) is not { ResponsePeriodAgreedWithPerson: true })
        {
            throw new RuleViolationException($"{rules.Policy.Name} sets the response period itself; it is not agreed with the person.");
        }
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        if (agreedDue <= on)
        {
            throw new RuleViolationException($"The agreed response date must fall after the day it was agreed ({on:yyyy-MM-dd}).");
        }
        var respond = Running(CurrentStage, ClockKind.Respond)
            ?? throw new RuleViolationException($"{Stage.Name} has no response deadline running to agree.");
        var backstop = Running(CurrentStage, ClockKind.Backstop);
        if (backstop is not null && agreedDue > backstop.Due)
        {
            throw new RuleViolationException(
                $"The agreed date {agreedDue:yyyy-MM-dd} is after the backstop ({backstop.Due:yyyy-MM-dd}): the person must first agree to extend the backstop.");
        }
        var previous = respond.Due;
        respond.Agree(agreedDue, rules.Calendar, rules.CalendarVersion);
        Statutory.AgreedPeriods.Add(new AgreedPeriodRecord(on, agreedDue, actor.Id));
        var renegotiated = Statutory.AgreedPeriods.Count > 1;
        Record(actor, renegotiated ? "RESPONSE_PERIOD_RENEGOTIATED" : "RESPONSE_PERIOD_AGREED", on,
            $"Response date {(renegotiated ? "renegotiated" : "agreed")} with the person: {agreedDue:yyyy-MM-dd} (was {previous:yyyy-MM-dd})");
        Raise(Step(actor, on, "RESPONSE_PERIOD_AGREED", renegotiated ? "RENEGOTIATED" : "AGREED", ClockKind.Respond, previous, agreedDue));
    }

    public void ExtendBackstop(DateOnly newDue, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("extend the backstop of");
        var backstop = Running(CurrentStage, ClockKind.Backstop)
            ?? throw new RuleViolationException($"{rules.Policy.Name} has no backstop running on {Stage.Name}.");
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        if (newDue <= backstop.Due)
        {
            throw new RuleViolationException($"An extended backstop must fall after the current one ({backstop.Due:yyyy-MM-dd}).");
        }
        var previous = backstop.Due;
        backstop.Agree(newDue, rules.Calendar, rules.CalendarVersion);
        Statutory.BackstopExtensions.Add(new BackstopExtensionRecord(on, previous, newDue, actor.Id));
        Record(actor, "BACKSTOP_EXTENDED", on, $"The person agreed to extend the backstop from {previous:yyyy-MM-dd} to {newDue:yyyy-MM-dd}");
        Raise(Step(actor, on, "BACKSTOP_EXTENDED", "AGREED", ClockKind.Backstop, previous, newDue));
    }

    /// <summary>The reasons a delay notice gives the person (the words stay here; Intake fetches them).</summary>
    public void RecordDelayReasons(string reasons, CaseRules rules, Actor actor)
    {
        RequireOpen("record delay reasons on");
        Statutory.DelayReasons = reasons;
        Record(actor, "DELAY_REASONS_RECORDED", rules.Today, "Reasons for the delay recorded for the delay notice");
    }

    private void CheckDiscussionOffer(bool offered, bool accepted, CaseRules rules)
    {
        if (rules.Stage(CurrentStage) is not { AcknowledgementOffersDiscussion: true })
        {
            return;
        }
        if (!offered)
        {
            throw new RuleViolationException(
                "The 2009 regulations: the acknowledgement must offer to discuss how the complaint will be handled and the response period; record that it was offered.");
        }
        Statutory.DiscussionOffered = true;
        Statutory.DiscussionAccepted = accepted;
    }

    /// <summary>Resolved orally by the next working day after receipt: outside the regulations.</summary>
    private void CheckOralResolution(DateOnly on, CaseRules rules)
    {
        if (rules.Stage(CurrentStage) is not { OralResolutionOutsideProcedure: true })
        {
            throw new RuleViolationException($"{rules.Policy.Name} has no oral resolution outside the procedure.");
        }
        var nextWorkingDay = rules.Calendar.AddWorkingDays(ReceivedOn, 1);
        if (on > nextWorkingDay)
        {
            throw new RuleViolationException(
                $"Only a complaint resolved orally by the next working day ({nextWorkingDay:yyyy-MM-dd}) is outside the regulations; {on:yyyy-MM-dd} is later.");
        }
    }

    /// <summary>
    /// Response date or backstop missed at a stage whose period is agreed with the person: a written delay
    /// notice with reasons. Called once per missed deadline (the watcher's overdue reminder is once).
    /// </summary>
    private void DelayNotice(IEnumerable<Deadline> overdue, DateOnly today, CaseRules rules, Actor actor)
    {
        var passed = overdue.Where(d => rules.Stage(d.Stage) is { ResponsePeriodAgreedWithPerson: true } && d.Kind is (ClockKind.Respond or ClockKind.Backstop))
            .OrderBy(d => d.Due).ToList();
        if (passed.Count == 0)
        {
            return;
        }
        foreach (var d in passed)
        {
            Statutory.DelayNotices.Add(new DelayNoticeRecord(d.Kind, d.Due, today));
        }
        var missed = passed[^1];
        Record(actor, "DELAY_NOTICE_REQUESTED", today, $"{missed.Kind} date {missed.Due:yyyy-MM-dd} passed without a response: delay notice requested");
        Raise(Step(actor, today, "DELAY_NOTICE_REQUESTED", missed.Kind.ToString(), missed.Kind, missed.Due, null));
        Letter("DELAY_NOTICE", null, new()
        {
            ["kind"] = missed.Kind.ToString(),
            ["missed_due"] = Iso(missed.Due),
            ["reasons_recorded"] = (Statutory.DelayReasons.Length > 0).ToString().ToLowerInvariant(),
            ["next_body"] = NextBody.ToString(),
        }, new() { ["delay_reasons"] = Statutory.DelayReasons });
    }

    private StatutoryStepRecorded Step(Actor actor, DateOnly on, string step, string outcome, ClockKind clock = ClockKind.Unspecified,
        DateOnly? previousDue = null, DateOnly? newDue = null, IEnumerable<string>? officers = null) => new()
    {
        Header = Header(actor, on),
        StepCode = step,
        OutcomeCode = outcome,
        Clock = clock,
        PreviousDue = previousDue is { } p ? ToDate(p) : null,
        NewDue = newDue is { } n ? ToDate(n) : null,
        OfficerIds = { officers ?? [] },
    };
}
