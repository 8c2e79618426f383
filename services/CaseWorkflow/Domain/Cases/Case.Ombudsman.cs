namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// What the Ombudsman's decisions mean for the council's own case.
public sealed partial class Case
{
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
