using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// A message a triage decision sends: to the person (a template and its facts), or, when
/// <see cref="ServiceAreaId"/> is set, to the service the contact was passed to. <see cref="Key"/>
/// tells a decision's messages apart, so a repeated request queues none twice.
/// </summary>
public sealed record TriageLetter(string Key, string Template, IReadOnlyDictionary<string, string> Facts, string? ServiceAreaId = null);

/// <summary>
/// What the person (or the service) is told follows from the decision: a refusal names its reason
/// and the Ombudsman, a signpost its destination, a contact passed to a service is emailed to that
/// service's team. A complaint's own letters are CaseWorkflow's.
/// </summary>
public static class TriageLetters
{
    public static IReadOnlyList<TriageLetter> For(TriageDecision decision, string reasonCode, bool outOfTimeAccepted, bool offerToComplain,
        string reference, string? serviceAreaId, TriageLists lists)
    {
        var letters = new List<TriageLetter>();
        var (outcome, ombudsmanRight) = decision switch
        {
            TriageDecision.Excluded =>
                ($"We cannot consider this under our complaints procedure: {lists.Label(TriageLists.ExclusionReasonsList, reasonCode)}.", true),
            TriageDecision.OutOfTime when !outOfTimeAccepted =>
                ("We cannot consider this as a complaint because it was made more than 12 months after you knew of the matter.", true),
            TriageDecision.Signpost =>
                ($"This is best dealt with elsewhere: {lists.Label(TriageLists.SignpostDestinationsList, reasonCode)}.", false),
            TriageDecision.ReferOnlineReporting =>
                ("This can be reported directly through the council's online reporting service, which will deal with it fastest.", false),
            _ => ((string?)null, false),
        };
        if (decision is TriageDecision.ServiceRequest or TriageDecision.Enquiry && serviceAreaId is not null)
        {
            letters.Add(new TriageLetter("staff", Templates.StaffNotification, new Dictionary<string, string>
            {
                ["subject"] = $"{(decision == TriageDecision.Enquiry ? "An enquiry" : "A service request")} has been passed to your service ({reference})",
                ["message"] = "The complaints team has passed this contact to your service. Open it in the complaints platform with its reference.",
            }, serviceAreaId));
        }
        if (outcome is not null)
        {
            var facts = new Dictionary<string, string> { ["outcome_text"] = outcome };
            if (ombudsmanRight)
            {
                facts["ombudsman_right"] = "yes";
            }
            letters.Add(new TriageLetter("outcome", Templates.TriageOutcome, facts));
        }
        if (offerToComplain)
        {
            letters.Add(new TriageLetter("offer", Templates.OfferToComplain, new Dictionary<string, string>()));
        }
        return letters;
    }
}
