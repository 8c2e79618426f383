using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// Children's social care (SI 2006/1738): eligibility, advocacy, the Stage 2 Independent Person and
// agreed record, the Stage 3 review panel. The safeguarding flag applies to any stream.
public sealed partial class Case
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool SafeguardingConcern => Statutory.SafeguardingRaisedOn is not null;

    public void RecordEligibility(Eligibility eligibility, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("record eligibility on");
        if (!rules.Policy.EligibilityCheckRequired)
        {
            throw new RuleViolationException($"{rules.Policy.Name} has no eligibility check.");
        }
        var on = When(occurredOn, rules, notBefore: ReceivedOn, what: "receipt");
        var previous = Statutory.Eligibility;
        Statutory.Eligibility = eligibility;
        Statutory.EligibilityRecordedOn = on;
        Record(actor, "ELIGIBILITY_RECORDED", on, $"Eligibility recorded: {eligibility}" + (previous == Eligibility.Unspecified ? "" : $" (was {previous})"));
        Raise(Step(actor, on, "ELIGIBILITY_RECORDED", eligibility.ToString()));
    }

    public void RecordAdvocacyOffer(bool accepted, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("record an advocacy offer on");
        var on = When(occurredOn, rules, notBefore: ReceivedOn, what: "receipt");
        Statutory.AdvocateOffered = true;
        Statutory.AdvocateAccepted = accepted;
        Statutory.AdvocateOfferedOn = on;
        Record(actor, "ADVOCACY_OFFERED", on, $"An advocate was offered to the child: {(accepted ? "accepted" : "declined")}");
        Raise(Step(actor, on, "ADVOCACY_OFFERED", accepted ? "ACCEPTED" : "DECLINED"));
    }

    /// <summary>Flags the case and announces it at once; allowed at any point in a case's life, closed included.</summary>
    public void RaiseSafeguardingConcern(DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        if (Statutory.SafeguardingRaisedOn is { } raised)
        {
            throw new RuleViolationException($"A safeguarding concern was already raised on this case on {raised:yyyy-MM-dd}.");
        }
        var on = When(occurredOn, rules, notBefore: ReceivedOn, what: "receipt");
        Statutory.SafeguardingRaisedOn = on;
        Record(actor, "SAFEGUARDING_CONCERN", on, "Safeguarding concern raised and routed");
        Raise(new SafeguardingConcernRaised
        {
            Header = Header(actor, on),
            DirectorateId = DirectorateId,
            ServiceAreaId = ServiceAreaId,
            TeamId = TeamId,
            HandlerId = HandlerId,
        });
    }

    public void AppointIndependentPerson(string independentPersonId, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("appoint an Independent Person to");
        if (rules.Stage(CurrentStage) is not { IndependentPersonRequired: true })
        {
            throw new RuleViolationException($"{Stage.Name} has no Independent Person.");
        }
        if (independentPersonId == HandlerId)
        {
            throw new RuleViolationException("The Independent Person cannot be the Investigating Officer.");
        }
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        Statutory.IndependentPersonId = independentPersonId;
        Record(actor, "INDEPENDENT_PERSON_APPOINTED", on, $"Independent Person {independentPersonId} appointed to {Stage.Name}");
        Raise(Step(actor, on, "INDEPENDENT_PERSON_APPOINTED", "", officers: [independentPersonId]));
    }

    public void RecordAgreedComplaint(string text, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("record the agreed complaint on");
        if (rules.Stage(CurrentStage) is not { IndependentPersonRequired: true })
        {
            throw new RuleViolationException($"{Stage.Name} has no agreed written record of the complaint.");
        }
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        Statutory.AgreedRecord = text;
        Statutory.AgreedRecordOn = on;
        Record(actor, "COMPLAINT_RECORD_AGREED", on, $"The written record of the complaint was agreed with the person at the start of {Stage.Name}");
        Raise(Step(actor, on, "COMPLAINT_RECORD_AGREED", ""));
    }

    public void AppointPanel(IReadOnlyList<string> memberIds, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("appoint a panel to");
        var size = rules.Stage(CurrentStage)?.IndependentPanelSize ?? 0;
        if (size == 0)
        {
            throw new RuleViolationException($"{Stage.Name} has no review panel.");
        }
        var members = memberIds.Distinct().ToList();
        if (members.Count != size || memberIds.Count != size)
        {
            throw new RuleViolationException($"The review panel is {size} different independent people; {memberIds.Count} given ({members.Count} different).");
        }
        if (Statutory.IndependentPersonId.Length > 0 && members.Contains(Statutory.IndependentPersonId))
        {
            throw new RuleViolationException($"{Statutory.IndependentPersonId} was the Stage 2 Independent Person and cannot sit on the review panel.");
        }
        var involved = Stages.Where(s => s.Number < CurrentStage).SelectMany(s => s.HandlerIds).Intersect(members).ToList();
        if (involved.Count > 0)
        {
            throw new RuleViolationException($"The panel must be independent: {string.Join(", ", involved)} handled an earlier stage.");
        }
        var on = When(occurredOn, rules, notBefore: Stage.OpenedOn, what: $"the start of {Stage.Name}");
        Statutory.PanelMemberIds = members;
        Statutory.PanelAppointedOn = on;
        Record(actor, "PANEL_APPOINTED", on, $"Review panel appointed: {string.Join(", ", members)}");
        Raise(Step(actor, on, "PANEL_APPOINTED", "", officers: members));
    }

    public void RecordPanelMeeting(DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("record a panel meeting on");
        if (Statutory.PanelAppointedOn is not { } appointed)
        {
            throw new RuleViolationException("The review panel has not been appointed.");
        }
        if (Statutory.PanelMetOn is { } met)
        {
            throw new RuleViolationException($"The panel already met on {met:yyyy-MM-dd}.");
        }
        var on = When(occurredOn, rules, notBefore: appointed, what: "the panel's appointment");
        var meeting = Running(CurrentStage, ClockKind.PanelMeeting);
        Meet(meeting, on);
        Statutory.PanelMetOn = on;
        StartClocks(CurrentStage, ClockStart.PanelMeeting, on, null, rules);
        var report = Running(CurrentStage, ClockKind.PanelReport);
        Record(actor, "PANEL_MET", on, "The review panel met" +
            (meeting is null ? "" : on <= meeting.Due ? $" within the deadline ({meeting.Due:yyyy-MM-dd})" : $" late (due {meeting.Due:yyyy-MM-dd})") +
            (report is null ? "" : $"; its report is due {report.Due:yyyy-MM-dd}"));
        Raise(Step(actor, on, "PANEL_MET", meeting is null || on <= meeting.Due ? "ON_TIME" : "LATE", ClockKind.PanelReport, meeting?.Due, report?.Due));
    }

    public void RecordPanelReport(DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        RequireOpen("record a panel report on");
        if (Statutory.PanelMetOn is not { } met)
        {
            throw new RuleViolationException("The review panel has not met: its report follows the meeting.");
        }
        if (Statutory.PanelReportOn is { } reported)
        {
            throw new RuleViolationException($"The panel's report was already received on {reported:yyyy-MM-dd}.");
        }
        var on = When(occurredOn, rules, notBefore: met, what: "the panel meeting");
        var report = Running(CurrentStage, ClockKind.PanelReport);
        Meet(report, on);
        Statutory.PanelReportOn = on;
        StartClocks(CurrentStage, ClockStart.PanelReport, on, null, rules);
        var respond = Running(CurrentStage, ClockKind.Respond);
        Record(actor, "PANEL_REPORTED", on, "The review panel reported" +
            (report is null ? "" : on <= report.Due ? $" within the deadline ({report.Due:yyyy-MM-dd})" : $" late (due {report.Due:yyyy-MM-dd})") +
            (respond is null ? "" : $"; the council's response is due {respond.Due:yyyy-MM-dd}"));
        Raise(Step(actor, on, "PANEL_REPORTED", report is null || on <= report.Due ? "ON_TIME" : "LATE", ClockKind.Respond, report?.Due, respond?.Due));
    }

    /// <summary>Nothing proceeds on a children's case until eligibility is recorded, and not at all for someone not eligible.</summary>
    private void RequireEligible(CaseRules rules)
    {
        if (EligibilityBlocker(rules) is { } reason)
        {
            throw new RuleViolationException(reason);
        }
    }

    private string? EligibilityBlocker(CaseRules rules) => !rules.Policy.EligibilityCheckRequired ? null : Statutory.Eligibility switch
    {
        Eligibility.Unspecified =>
            "The 2006 regulations: record eligibility (a child or young person, or someone with sufficient interest) before the complaint proceeds.",
        Eligibility.NotEligible =>
            "The complainant is not eligible under the 2006 regulations; the complaint cannot proceed under this procedure (consider the corporate procedure).",
        _ => null,
    };

    /// <summary>Stage 2 needs an Investigating Officer and an Independent Person and the agreed record; Stage 3 answers the panel's report.</summary>
    private void RequireStatutoryStepsBeforeProceeding(CaseRules rules, bool responding)
    {
        if (StatutoryBlocker(rules, responding) is { } reason)
        {
            throw new RuleViolationException(reason);
        }
    }

    /// <summary>Why the statutory steps do not yet let the stage proceed (null when they do): what the pages offer follows it too.</summary>
    private string? StatutoryBlocker(CaseRules rules, bool responding)
    {
        if (EligibilityBlocker(rules) is { } ineligible)
        {
            return ineligible;
        }
        var policy = rules.Stage(CurrentStage);
        if (policy is { IndependentPersonRequired: true })
        {
            var missing = new List<string>();
            if (HandlerId.Length == 0)
            {
                missing.Add("an Investigating Officer (allocate the case)");
            }
            if (Statutory.IndependentPersonId.Length == 0)
            {
                missing.Add("an Independent Person");
            }
            if (Statutory.AgreedRecordOn is null)
            {
                missing.Add("the agreed written record of the complaint");
            }
            if (missing.Count > 0)
            {
                return $"The {Stage.Name} cannot proceed without {string.Join(", ", missing)}.";
            }
        }
        if (responding && policy is { IndependentPanelSize: > 0 } && Statutory.PanelReportOn is null)
        {
            return "The council responds to the review panel's report: record the panel's meeting and report first.";
        }
        return null;
    }
}
