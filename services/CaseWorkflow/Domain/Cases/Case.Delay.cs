using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// More time, and lateness: an extension agreed before the deadline and never silent; after it, a Code
// stream's (corporate, housing) missed deadline puts a task on the handler's queue, and recording the
// reason and the expected date writes to the person, as adult social care's delay notice does. The
// response still counts as late.
public sealed partial class Case
{
    /// <summary>
    /// More time to respond, within the policy's limit and asked for before the deadline passes (after it,
    /// the response is late and counts as late). Never silent (the Code, 6.4-6.5): the person is written to
    /// with the reason, the new date and the Ombudsman's details, or the officer records how and when they were told.
    /// </summary>
    public void Extend(int workingDays, string reason, bool sendNotice, DateOnly? occurredOn, CaseRules rules, Actor actor,
        bool? notifyPerson = null, PersonTold? told = null)
    {
        RequireOpen("extend");
        RequireStatutoryStepsBeforeProceeding(rules, responding: false);
        var stage = Stage;
        var respond = Running(stage.Number, ClockKind.Respond)
            ?? throw new RuleViolationException($"{stage.Name} has no response deadline to extend yet: acknowledge it first.");
        RequireSomeoneElse(actor.Id, $"extend {stage.Name}", rules);
        if (respond.MaxExtension == 0)
        {
            throw new RuleViolationException($"The policy allows no extension of the {stage.Name} response deadline.");
        }
        if (respond.ExtendedBy + workingDays > respond.MaxExtension)
        {
            throw new RuleViolationException(
                $"An extension of {workingDays} working days would extend {stage.Name} by {respond.ExtendedBy + workingDays} in all, " +
                $"past the policy's limit of {respond.MaxExtension} ({respond.ExtendedBy} already used).");
        }
        var on = When(occurredOn, rules, notBefore: stage.Acknowledgement!.AcknowledgedOn, what: "the acknowledgement");
        if (on > respond.Due)
        {
            throw new RuleViolationException(
                $"The {stage.Name} response was due {respond.Due:yyyy-MM-dd}: an extension must be agreed before the deadline passes; " +
                "the response is late and counts as late (record the delay and tell the person when to expect it).");
        }
        var notify = sendNotice || ShouldNotify(notifyPerson, on, rules);
        if (!notify && told is null && !_replaying)
        {
            throw new RuleViolationException(
                "An extension is never silent: send the person the notice, or record how and when they were told of the reason, the new date and the Ombudsman.");
        }
        if (told is not null && (told.On < on || told.On > rules.Today))
        {
            throw new RuleViolationException(
                $"The person is told of an extension when it is made or after, never in the future: {told.On:yyyy-MM-dd} is outside {on:yyyy-MM-dd} to {rules.Today:yyyy-MM-dd}.");
        }
        respond.Extend(workingDays, rules.Calendar, rules.CalendarVersion);
        stage.Extensions.Add(new ExtensionRecord
        {
            WorkingDays = workingDays,
            Reason = reason,
            ExtendedOn = on,
            NewDue = respond.Due,
            NoticeRequested = notify,
            PersonToldBy = told?.By ?? NoticeChannel.Unspecified,
            PersonToldOn = told?.On,
            RecordedBy = actor.Id,
        });
        Record(actor, "EXTENDED", on, $"{stage.Name} response deadline extended by {workingDays} working days to {respond.Due:yyyy-MM-dd} " +
            $"(originally {respond.OriginalDue:yyyy-MM-dd}): {reason}" +
            (notify ? "; notice sent to the person" : told is null ? "" : $"; the person was told by {told.By} on {told.On:yyyy-MM-dd}"));
        Raise(new DeadlineExtended
        {
            Header = Header(actor, on),
            WorkingDays = workingDays,
            TotalExtension = respond.ExtendedBy,
            OriginalDue = ToDate(respond.OriginalDue),
            NewDue = ToDate(respond.Due),
        });
        if (notify)
        {
            // The Code (6.4-6.5): the person is told why, the new date, and that they may go to the Ombudsman.
            Letter("EXTENSION_NOTICE", respond.Due, new()
            {
                ["stage"] = stage.Number.ToString(),
                ["original_due"] = Iso(respond.OriginalDue),
                ["new_due"] = Iso(respond.Due),
                ["working_days"] = workingDays.ToString(),
                ["next_body"] = NextBody.ToString(),
            }, new() { ["extension_reason"] = reason });
        }
    }

    /// <summary>Whether a missed deadline gives the handler the task of recording the delay (stages whose period is agreed with the person have the watcher's delay notice instead).</summary>
    private static bool DelayTaskOwed(Deadline missed, CaseRules rules) =>
        missed.Kind == ClockKind.Respond
        && rules.Policy.Stream is ComplaintStream.Corporate or ComplaintStream.Housing
        && rules.Stage(missed.Stage) is { ResponsePeriodAgreedWithPerson: false };

    public void RecordResponseDelay(string reason, DateOnly expectedOn, DateOnly? occurredOn, CaseRules rules, Actor actor, bool? notifyPerson = null)
    {
        RequireOpen("record a delay on");
        var stage = Stage;
        if (rules.Stage(stage.Number) is { ResponsePeriodAgreedWithPerson: true })
        {
            throw new RuleViolationException(
                $"{rules.Policy.Name} agrees the response period with the person: the delay notice goes when it passes; record its reasons for it.");
        }
        var respond = Running(stage.Number, ClockKind.Respond)
            ?? throw new RuleViolationException($"{stage.Name} has no response deadline running: acknowledge it first.");
        RequireSomeoneElse(actor.Id, $"record a delay on {stage.Name}", rules);
        var on = When(occurredOn, rules, notBefore: stage.Acknowledgement!.AcknowledgedOn, what: "the acknowledgement");
        if (on <= respond.Due)
        {
            throw new RuleViolationException(
                $"The {stage.Name} response is not late yet (due {respond.Due:yyyy-MM-dd}): extend the deadline, within the policy's limit, if more time is needed.");
        }
        if (expectedOn <= on)
        {
            throw new RuleViolationException($"The date the person can expect the response must fall after {on:yyyy-MM-dd}.");
        }
        var notify = ShouldNotify(notifyPerson, on, rules);
        stage.Delays.Add(new ResponseDelayRecord
        {
            MissedDue = respond.Due,
            Reason = reason,
            ExpectedOn = expectedOn,
            RecordedOn = on,
            RecordedBy = actor.Id,
            NoticeRequested = notify,
        });
        Record(actor, "RESPONSE_DELAY_RECORDED", on,
            $"{stage.Name} response due {respond.Due:yyyy-MM-dd} is late: now expected by {expectedOn:yyyy-MM-dd}" + NotWrittenTo(notify));
        Raise(Step(actor, on, "RESPONSE_DELAY_RECORDED", notify ? "NOTICE_SENT" : "NOT_SENT", ClockKind.Respond, respond.Due, expectedOn));
        if (notify)
        {
            Letter("DELAY_NOTICE", expectedOn, new()
            {
                ["kind"] = ClockKind.Respond.ToString(),
                ["stage"] = stage.Number.ToString(),
                ["missed_due"] = Iso(respond.Due),
                ["expected_due"] = Iso(expectedOn),
                ["reasons_recorded"] = "true",
                ["next_body"] = NextBody.ToString(),
            }, new() { ["delay_reasons"] = reason });
        }
    }
}
