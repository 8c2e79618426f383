using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// The response (draft → optional quality review → sent) and the other endings.
public sealed partial class Case
{
    public void DraftResponse(IReadOnlyDictionary<string, Finding> findings, Finding overall, string text, CaseRules rules, Actor actor)
    {
        RequireResponseAllowed(rules);
        RequireSomeoneElse(actor.Id, $"draft the {Stage.Name} response", rules);
        CheckFindings(findings, overall);
        AddResponder(Stage, actor.Id);
        Stage.Response = new ResponseRecord
        {
            Findings = new(findings),
            Overall = overall,
            Text = text,
            DraftState = DraftState.Drafted,
            DraftedBy = actor.Id,
        };
        Record(actor, "RESPONSE_DRAFTED", rules.Today, $"{Stage.Name} response drafted (overall {overall})");
    }

    public void ReviewResponse(bool approve, string comments, CaseRules rules, Actor actor)
    {
        RequireOpen("review the response of");
        var draft = Stage.Response ?? throw new RuleViolationException($"There is no draft {Stage.Name} response to review.");
        if (!approve && string.IsNullOrWhiteSpace(comments))
        {
            throw new RuleViolationException("A draft returned by quality review needs comments saying what to change.");
        }
        draft.DraftState = approve ? DraftState.Approved : DraftState.Returned;
        draft.ReviewComments = comments;
        draft.ReviewedBy = actor.Id;
        Record(actor, approve ? "RESPONSE_APPROVED" : "RESPONSE_RETURNED", rules.Today,
            approve ? $"{Stage.Name} draft approved by quality review" : $"{Stage.Name} draft returned by quality review: {comments}");
    }

    /// <summary>The response is sent (Intake sends the letter): findings for every issue, timeliness against both deadlines, and the case closes.</summary>
    public void SendResponse(IReadOnlyDictionary<string, Finding>? findings, Finding overall, string text, DateOnly? occurredOn, CaseRules rules, Actor actor,
        bool? notifyPerson = null)
    {
        RequireResponseAllowed(rules);
        RequireSomeoneElse(actor.Id, $"send the {Stage.Name} response", rules);
        var stage = Stage;
        var response = stage.Response;
        if (findings is { Count: > 0 } || overall != Finding.Unspecified)
        {
            CheckFindings(findings ?? new Dictionary<string, Finding>(), overall);
            response = new ResponseRecord { Findings = new(findings ?? new Dictionary<string, Finding>()), Overall = overall, Text = text, DraftedBy = actor.Id };
        }
        else if (response is null)
        {
            throw new RuleViolationException($"Record the findings, or draft the {stage.Name} response first.");
        }
        else if (response.DraftState == DraftState.Returned)
        {
            throw new RuleViolationException("The draft was returned by quality review; redraft it before sending.");
        }
        else
        {
            CheckFindings(response.Findings, response.Overall);
        }
        var on = When(occurredOn, rules, notBefore: stage.Acknowledgement!.AcknowledgedOn, what: "the acknowledgement");
        var respond = Running(stage.Number, ClockKind.Respond);
        if (respond is not null)
        {
            response.WithinOriginalDeadline = on <= respond.OriginalDue;
            response.WithinExtendedDeadline = on <= respond.Due;
            response.WorkingDaysLate = on > respond.Due ? rules.Calendar.WorkingDaysBetween(respond.Due, on) : 0;
        }
        response.SentOn = on;
        response.SentBy = _replaying ? "" : actor.Id;
        AddResponder(stage, actor.Id);
        stage.Response = response;
        stage.Ending = CaseEnding.ResponseSent;
        Meet(respond, on);
        var final = stage.Number == rules.LastStage;
        Status = V1.CaseStatus.Closed;
        Ending = CaseEnding.ResponseSent;
        if (!final)
        {
            StartClocks(stage.Number + 1, ClockStart.PreviousStageResponse, on, null, rules);
        }
        var window = Running(stage.Number + 1, ClockKind.EscalationWindow);
        var notify = ShouldNotify(notifyPerson, on, rules);
        Record(actor, "RESPONSE_SENT", on, $"{stage.Name} response sent, overall {response.Overall}" + NotWrittenTo(notify) +
            (respond is null ? "" : response.WithinExtendedDeadline
                ? response.WithinOriginalDeadline ? " on time" : $" within the extended deadline ({respond.Due:yyyy-MM-dd})"
                : $" {response.WorkingDaysLate} working days late") +
            (final ? $"; signposted to {rules.OmbudsmanName}" : window is null ? "" : $"; the person may escalate until {window.Due:yyyy-MM-dd}"));
        Raise(new ResponseSent
        {
            Header = Header(actor, on),
            Findings = { response.Findings.Select(f => new IssueFinding { IssueId = f.Key, Finding = f.Value }) },
            Overall = response.Overall,
            OriginalDue = respond is null ? null : ToDate(respond.OriginalDue),
            ExtendedDue = respond is null ? null : ToDate(respond.Due),
            WithinOriginalDeadline = response.WithinOriginalDeadline,
            WithinExtendedDeadline = response.WithinExtendedDeadline,
            WorkingDaysLate = response.WorkingDaysLate,
            FinalStage = final,
            NextBody = NextBody,
        });
        if (notify)
        {
            // The final response signposts the right Ombudsman; an earlier one says how to escalate and by when.
            Letter(final ? "FINAL_RESPONSE" : "STAGE_RESPONSE", window?.Due, new()
            {
                ["stage"] = stage.Number.ToString(),
                ["overall"] = response.Overall.ToString(),
                ["next_body"] = NextBody.ToString(),
                ["escalation_window_due"] = Iso(window?.Due),
            }, new() { ["response"] = response.Text });
        }
        Closed(actor, on, response.Overall);
    }

    public void End(CaseEnding ending, string note, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        if (ending is not (CaseEnding.Withdrawn or CaseEnding.ResolvedEarly or CaseEnding.NoWrittenResponse or CaseEnding.ResolvedOrally))
        {
            throw new RuleViolationException(
                "A case ends as WITHDRAWN, RESOLVED_EARLY, NO_WRITTEN_RESPONSE or RESOLVED_ORALLY; a response is recorded with RecordResponse.");
        }
        RequireOpen("end");
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        if (ending == CaseEnding.ResolvedOrally)
        {
            CheckOralResolution(on, rules);
        }
        Stage.Ending = ending;
        Status = V1.CaseStatus.Closed;
        Ending = ending;
        Record(actor, "ENDED", on, $"{Stage.Name} ended: {ending}" + (string.IsNullOrWhiteSpace(note) ? "" : $" ({note})"));
        Raise(new CaseEnded { Header = Header(actor, on), Ending = ending });
        Closed(actor, on, Finding.Unspecified);
    }

    /// <summary>Intake re-triaged the contact as something other than a complaint.</summary>
    public void Reclassified(string toDecision, DateOnly on, Actor actor)
    {
        if (Status == V1.CaseStatus.Closed)
        {
            Record(actor, "RECLASSIFIED", on, $"The contact was re-triaged as {toDecision} after the case closed ({Ending})");
            return;
        }
        Stage.Ending = CaseEnding.Reclassified;
        Status = V1.CaseStatus.Closed;
        Ending = CaseEnding.Reclassified;
        Record(actor, "RECLASSIFIED", on, $"No longer a complaint: the contact was re-triaged as {toDecision}");
        Raise(new CaseEnded { Header = Header(actor, on), Ending = CaseEnding.Reclassified });
        Closed(actor, on, Finding.Unspecified);
    }

    private void Closed(Actor actor, DateOnly on, Finding overall)
    {
        ClosedOn = on;
        Raise(new CaseClosed
        {
            Header = Header(actor, on),
            Ending = Ending,
            Overall = overall,
            OutstandingRemedies = Remedies.Count(r => r.CompletedOn is null),
        });
    }

    private void RequireResponseAllowed(CaseRules rules)
    {
        RequireOpen("respond to");
        if (Stage.Acknowledgement is null)
        {
            throw new RuleViolationException($"{Stage.Name} has not been acknowledged: acknowledge and define the complaint before responding.");
        }
        if (HandlerId.Length == 0)
        {
            throw new RuleViolationException($"{Stage.Name} has no handler: allocate it before responding.");
        }
        RequireStatutoryStepsBeforeProceeding(rules, responding: true);
    }

    private void CheckFindings(IReadOnlyDictionary<string, Finding> findings, Finding overall)
    {
        if (Issues.Count == 0)
        {
            throw new RuleViolationException("No issues have been defined: each issue investigated gets its own finding.");
        }
        var unknown = findings.Keys.Where(k => Issues.All(i => i.Id != k)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException($"Findings were given for issues the case does not have: {string.Join(", ", unknown)}.");
        }
        var missing = Issues.Where(i => !findings.TryGetValue(i.Id, out var f) || f == Finding.Unspecified).Select(i => i.Id).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException($"Cannot close while an issue has no finding recorded: {string.Join(", ", missing)}.");
        }
        if (overall == Finding.Unspecified)
        {
            throw new RuleViolationException("The overall finding is required.");
        }
    }
}
