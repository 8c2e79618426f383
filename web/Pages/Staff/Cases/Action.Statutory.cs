using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;

namespace ComplaintsPlatform.Web.Pages.Staff.Cases;

// The social care procedures' own steps (adult 2009, children's 2006 regulations) as forms: the same
// revision check and the service's own refusals as every other action.
public sealed partial class ActionModel
{
    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    public static readonly IReadOnlyList<Choice> Eligibilities =
    [
        new(nameof(CaseWorkflow.V1.Eligibility.ChildOrYoungPerson), "A child or young person", "Looked after, in need, or a care leaver"),
        new(nameof(CaseWorkflow.V1.Eligibility.SufficientInterest), "Someone with sufficient interest in the child's welfare", "A parent, carer or foster carer, for example"),
        new(nameof(CaseWorkflow.V1.Eligibility.NotEligible), "Not eligible under the 2006 regulations", "The complaint cannot proceed under this procedure"),
    ];

    public static readonly IReadOnlyList<Choice> AdvocacyAnswers = [new("yes", "Accepted"), new("no", "Declined")];

    /// <summary>The deadline running now at the current stage, to show beside the step that meets it.</summary>
    public CaseDeadline? Running(ClockKind kind) =>
        Case.Deadlines.LastOrDefault(d => d.Stage == Case.CurrentStage && d.Kind == kind && d.MetOn is not { Year: > 0 });

    private Task StatutoryAsync(string caseId) => Action switch
    {
        CaseAction.AgreeResponsePeriod => statutory.AgreeResponsePeriodAsync(new AgreeResponsePeriodRequest
        {
            CaseId = caseId, AgreedDue = DateOf(AgreedDue, nameof(AgreedDue)), OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.ExtendBackstop => statutory.ExtendBackstopAsync(new ExtendBackstopRequest
        {
            CaseId = caseId, NewDue = DateOf(NewDue, nameof(NewDue)), OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RecordDelayReasons => statutory.RecordDelayReasonsAsync(new RecordDelayReasonsRequest
        {
            CaseId = caseId, Reasons = Text ?? "", ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RecordEligibility => statutory.RecordEligibilityAsync(new RecordEligibilityRequest
        {
            CaseId = caseId, Eligibility = Enum.TryParse<CaseWorkflow.V1.Eligibility>(Eligibility, out var e) ? e : CaseWorkflow.V1.Eligibility.Unspecified,
            OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RecordAdvocacyOffer => statutory.RecordAdvocacyOfferAsync(new RecordAdvocacyOfferRequest
        {
            CaseId = caseId, Accepted = Accepted == "yes", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RaiseSafeguardingConcern => statutory.RaiseSafeguardingConcernAsync(Step(caseId), Call).ResponseAsync,
        CaseAction.AppointIndependentPerson => statutory.AppointIndependentPersonAsync(new AppointIndependentPersonRequest
        {
            CaseId = caseId, IndependentPersonId = IndependentPersonId?.Trim() ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RecordAgreedComplaint => statutory.RecordAgreedComplaintAsync(new RecordAgreedComplaintRequest
        {
            CaseId = caseId, Text = Text ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.AppointPanel => statutory.AppointPanelAsync(new AppointPanelRequest
        {
            CaseId = caseId, MemberIds = { new[] { Member1, Member2, Member3 }.Select(m => m?.Trim() ?? "") }, OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RecordPanelMeeting => statutory.RecordPanelMeetingAsync(Step(caseId), Call).ResponseAsync,
        CaseAction.RecordPanelReport => statutory.RecordPanelReportAsync(Step(caseId), Call).ResponseAsync,
        _ => throw new InvalidOperationException($"No form for {Action}"),
    };

    private CaseStepRequest Step(string caseId) => new() { CaseId = caseId, OccurredOn = On, ExpectedRevision = ExpectedRevision };
}
