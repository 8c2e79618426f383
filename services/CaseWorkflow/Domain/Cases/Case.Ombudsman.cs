using System.Text.Json.Serialization;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// What the Ombudsman's decisions mean for the council's own case.
public sealed partial class Case
{
    /// <summary>The ids (OmbudsmanLiaison's) of the Ombudsman enquiries made about this case.</summary>
    public List<string> OmbudsmanEnquiryIds { get; private set; } = [];

    /// <summary>A link officer sees the Ombudsman matters and the cases behind them, so this one.</summary>
    [JsonIgnore]
    public bool BehindOmbudsmanMatter => OmbudsmanEnquiryIds.Count > 0;

    /// <summary>An Ombudsman enquiry names this case; a second notice of the same enquiry changes nothing.</summary>
    public void OmbudsmanEnquiryReceived(string enquiryId, string ombudsmanReference, DateOnly receivedOn, Actor actor)
    {
        if (OmbudsmanEnquiryIds.Contains(enquiryId))
        {
            return;
        }
        OmbudsmanEnquiryIds.Add(enquiryId);
        var on = receivedOn < ReceivedOn ? ReceivedOn : receivedOn;
        Record(actor, "OMBUDSMAN_ENQUIRY", on, $"The Ombudsman ({ombudsmanReference}) opened an enquiry about the complaint.");
    }

    /// <summary>
    /// The Ombudsman found the complaint premature and referred it back: it continues in the local
    /// procedure, and the case says so, so the person can still be taken through the remaining stages.
    /// </summary>
    public void ReferredBackByOmbudsman(string ombudsmanReference, DateOnly decidedOn, Actor actor)
    {
        var on = decidedOn < ReceivedOn ? ReceivedOn : decidedOn;
        Record(actor, "REFERRED_BACK_BY_OMBUDSMAN", on,
            $"The Ombudsman ({ombudsmanReference}) referred the complaint back for local resolution; it continues in the council's procedure at stage {CurrentStage}.");
    }
}
