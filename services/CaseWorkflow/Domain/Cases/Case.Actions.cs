using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// What an officer may do to the case now: the roles each action belongs to, and the state it needs.
// The commands still refuse with a reason; this is what pages offer, so it follows the same guards.
public sealed partial class Case
{
    private const string Team = Roles.ComplaintsTeam;
    private const string Handler = Roles.Handler;
    private const string ServiceLead = Roles.ServiceLead;

    /// <summary>The roles that may take each action (on a case they may change: a handler's own or their team's).</summary>
    public static readonly IReadOnlyDictionary<CaseAction, string[]> ActionRoles = new Dictionary<CaseAction, string[]>
    {
        [CaseAction.Acknowledge] = [Team],
        [CaseAction.DefineIssue] = [Team],
        [CaseAction.Allocate] = [Team],
        [CaseAction.Reallocate] = [Team],
        [CaseAction.Extend] = [Team, Handler],
        [CaseAction.LogTime] = [Team, Handler],
        [CaseAction.DraftResponse] = [Team, Handler],
        [CaseAction.ReviewResponse] = [Team],
        [CaseAction.SendResponse] = [Team, Handler],
        [CaseAction.EndCase] = [Team],
        [CaseAction.RequestEscalation] = [Team],
        [CaseAction.AcceptEscalation] = [Team],
        [CaseAction.RefuseEscalation] = [Team],
        [CaseAction.AddRemedy] = [Team, Handler],
        [CaseAction.CompleteRemedy] = [Team, Handler],
        [CaseAction.RecordLearning] = [Team, Handler],
        [CaseAction.ReviewLearning] = [Team, ServiceLead],
        [CaseAction.RecordResponseDelay] = [Team, Handler],
        [CaseAction.AgreeResponsePeriod] = [Team, Handler],
        [CaseAction.ExtendBackstop] = [Team, Handler],
        [CaseAction.RecordDelayReasons] = [Team, Handler],
        [CaseAction.RecordEligibility] = [Team],
        [CaseAction.RecordAdvocacyOffer] = [Team, Handler],
        [CaseAction.RaiseSafeguardingConcern] = [Team, Handler],
        [CaseAction.AppointIndependentPerson] = [Team],
        [CaseAction.RecordAgreedComplaint] = [Team, Handler],
        [CaseAction.AppointPanel] = [Team],
        [CaseAction.RecordPanelMeeting] = [Team],
        [CaseAction.RecordPanelReport] = [Team],
    };

    /// <summary>
    /// The actions open to an officer who may change this case in <paramref name="roles"/> (the roles
    /// the services' access rules give them on it; none for a read-only reader), in the order a page lists them.
    /// </summary>
    public IReadOnlyList<CaseAction> AvailableActions(string officerId, IReadOnlySet<string> roles, IReadOnlySet<string> officerServiceAreas, CaseRules rules)
    {
        if (Ending == CaseEnding.Reclassified || roles.Count == 0)
        {
            return [];
        }
        return ActionRoles.Keys
            .Where(action => ActionRoles[action].Any(roles.Contains) && Allows(action, officerId, officerServiceAreas, rules))
            .Order()
            .ToList();
    }

    private bool Allows(CaseAction action, string officerId, IReadOnlySet<string> officerServiceAreas, CaseRules rules)
    {
        var open = Status == V1.CaseStatus.Open;
        var stage = Stages.FirstOrDefault(s => s.Number == CurrentStage);
        var acknowledged = stage?.Acknowledgement is not null;
        // A stage the policy gives to someone else: no earlier stage's officer extends, drafts or sends it.
        var mayAct = rules.Stage(CurrentStage) is not { DifferentHandlerRequired: true } || !EarlierStageOfficers().Contains(officerId);
        var respondable = open && acknowledged && HandlerId.Length > 0 && Issues.Count > 0 && mayAct && StatutoryBlocker(rules, responding: true) is null;
        var respond = open ? Running(CurrentStage, ClockKind.Respond) : null;
        var stagePolicy = open ? rules.Stage(CurrentStage) : null;
        var children = open && rules.Policy.EligibilityCheckRequired;
        return action switch
        {
            CaseAction.Acknowledge => open && !acknowledged && EligibilityBlocker(rules) is null,
            CaseAction.DefineIssue => open,
            CaseAction.Allocate => open && HandlerId.Length == 0 && EligibilityBlocker(rules) is null,
            CaseAction.Reallocate => open && HandlerId.Length > 0,
            // Within the policy's limit, and before the deadline passes (after it, the delay is recorded instead).
            CaseAction.Extend => respond is { MaxExtension: > 0 } && respond.ExtendedBy < respond.MaxExtension && rules.Today <= respond.Due && mayAct
                && StatutoryBlocker(rules, responding: false) is null,
            CaseAction.RecordResponseDelay => respond is not null && rules.Today > respond.Due && mayAct
                && rules.Stage(CurrentStage) is { ResponsePeriodAgreedWithPerson: false },
            CaseAction.LogTime => true,
            CaseAction.DraftResponse => respondable,
            CaseAction.ReviewResponse => open && stage?.Response is { DraftState: DraftState.Drafted },
            CaseAction.SendResponse => respondable && stage?.Response is not { DraftState: DraftState.Returned },
            CaseAction.EndCase => open,
            CaseAction.RequestEscalation => Status == V1.CaseStatus.Closed && Ending == CaseEnding.ResponseSent && rules.Stage(CurrentStage + 1) is not null,
            CaseAction.AcceptEscalation => Status == V1.CaseStatus.EscalationRequested,
            CaseAction.RefuseEscalation => Status == V1.CaseStatus.EscalationRequested
                && rules.Stage(Escalations.Last().ToStage) is { EscalationRefusalAllowed: true },
            CaseAction.AddRemedy => true,
            CaseAction.CompleteRemedy => Remedies.Any(r => r.CompletedOn is null),
            CaseAction.RecordLearning => Stages[0].Acknowledgement is not null,
            CaseAction.ReviewLearning => Learning is { } learning && learning.ReviewedBy is not { Length: > 0 }
                && !officerServiceAreas.Contains(ServiceAreaId) && learning.RecordedBy != officerId
                && !Stages.Any(s => s.HandlerIds.Contains(officerId)),
            CaseAction.AgreeResponsePeriod => respond is not null && stagePolicy is { ResponsePeriodAgreedWithPerson: true },
            CaseAction.ExtendBackstop => open && Running(CurrentStage, ClockKind.Backstop) is not null,
            CaseAction.RecordDelayReasons => stagePolicy is { ResponsePeriodAgreedWithPerson: true },
            // Recorded once, corrected while the case is open; advocacy is offered to the child.
            CaseAction.RecordEligibility or CaseAction.RecordAdvocacyOffer => children,
            CaseAction.RaiseSafeguardingConcern => Statutory.SafeguardingRaisedOn is null,
            CaseAction.AppointIndependentPerson or CaseAction.RecordAgreedComplaint => stagePolicy is { IndependentPersonRequired: true },
            CaseAction.AppointPanel => stagePolicy is { IndependentPanelSize: > 0 } && Statutory.PanelMetOn is null,
            CaseAction.RecordPanelMeeting => open && Statutory.PanelAppointedOn is not null && Statutory.PanelMetOn is null,
            CaseAction.RecordPanelReport => open && Statutory.PanelMetOn is not null && Statutory.PanelReportOn is null,
            _ => false,
        };
    }
}
