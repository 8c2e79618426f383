using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>The configured lists a triage decision's codes are checked against, and the labels its letters give them.</summary>
public sealed record TriageLists(IReadOnlySet<string> ExclusionReasons, IReadOnlySet<string> SignpostDestinations,
    IReadOnlySet<string> ServiceAreas, IReadOnlyDictionary<(string List, string Code), string>? Labels = null)
{
    public const string ExclusionReasonsList = "exclusion_reasons";
    public const string SignpostDestinationsList = "signpost_destinations";

    /// <summary>A code as a letter words it: its label, or the code itself when it has none.</summary>
    public string Label(string list, string code) =>
        Labels is not null && Labels.TryGetValue((list, code), out var label) && label.Length > 0 ? label : code;
}

/// <summary>One decision with the data it needs, checked the same way for a first triage and a reclassification.</summary>
public sealed record DecisionInput(TriageDecision Decision, ComplaintStream Stream, string ReasonCode, string Notes,
    bool OutOfTimeAccepted, string ServiceAreaId);

public static class TriageRules
{
    /// <summary>Says no, with every missing or unknown piece, to a decision that lacks what it needs.</summary>
    public static void Check(DecisionInput d, TriageLists lists, string? contactServiceArea)
    {
        var v = new Validator();
        v.Require(Enum.IsDefined(d.Decision) && d.Decision != TriageDecision.Unspecified, "decision", "must be one of the triage decisions");
        v.Require(Enum.IsDefined(d.Stream), "stream", "is not a known complaint stream");
        v.Require(d.Notes.Length <= 2_000, "notes", "must be at most 2000 characters");
        switch (d.Decision)
        {
            case TriageDecision.Complaint:
                v.Require(d.Stream != ComplaintStream.Unspecified, "stream", "a complaint needs its stream");
                break;
            case TriageDecision.ServiceRequest:
            case TriageDecision.Enquiry:
                var area = d.ServiceAreaId.Length > 0 ? d.ServiceAreaId : contactServiceArea;
                v.Require(!string.IsNullOrEmpty(area), "service_area_id", "say which service it is passed to");
                if (d.ServiceAreaId.Length > 0 && lists.ServiceAreas.Count > 0)
                {
                    v.Require(lists.ServiceAreas.Contains(d.ServiceAreaId), "service_area_id", "is not a service area of the council");
                }
                break;
            case TriageDecision.ResolvedByComplaintsTeam:
                v.Require(!string.IsNullOrWhiteSpace(d.Notes), "notes", "say what was done to resolve it");
                break;
            case TriageDecision.Excluded:
                CheckCode(v, d.ReasonCode, lists.ExclusionReasons, TriageLists.ExclusionReasonsList);
                break;
            case TriageDecision.Signpost:
                CheckCode(v, d.ReasonCode, lists.SignpostDestinations, TriageLists.SignpostDestinationsList);
                break;
            case TriageDecision.OutOfTime when d.OutOfTimeAccepted:
                v.Require(d.Stream != ComplaintStream.Unspecified, "stream", "a complaint accepted out of time needs its stream");
                v.Require(!string.IsNullOrWhiteSpace(d.Notes), "notes", "record the good reason for accepting it out of time");
                break;
        }
        if (d.OutOfTimeAccepted && d.Decision != TriageDecision.OutOfTime)
        {
            v.Add("out_of_time_accepted", "applies only to an OUT_OF_TIME decision");
        }
        v.ThrowIfInvalid();
    }

    /// <summary>An out-of-time complaint accepted for a good reason goes on as a complaint.</summary>
    public static TriageDecision Effective(DecisionInput d) =>
        d.Decision == TriageDecision.OutOfTime && d.OutOfTimeAccepted ? TriageDecision.Complaint : d.Decision;

    /// <summary>More than 12 months between knowing of the matter and complaining (out of time under the Code, 2.2).</summary>
    public static bool PossiblyOutOfTime(DateOnly? happenedOn, DateOnly receivedOn) =>
        happenedOn is { } h && h.AddMonths(12) < receivedOn;

    public static bool IsMemberEnquiry(ContactKind kind, Channel channel) =>
        kind == ContactKind.MemberEnquiry || channel is Channel.Councillor or Channel.Mp;

    private static void CheckCode(Validator v, string code, IReadOnlySet<string> allowed, string listName)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            v.Add("reason_code", $"a code from the {listName} list is required");
        }
        else if (!allowed.Contains(code))
        {
            v.Add("reason_code", $"is not an active code of the {listName} list");
        }
    }
}
