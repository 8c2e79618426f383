using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// A Code stream's response that will be late (corporate, housing): the missed deadline puts a task on the
// handler's queue, and recording the reason and the expected date writes to the person, as adult social
// care's delay notice does. The response still counts as late.
public sealed partial class Case
{
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
