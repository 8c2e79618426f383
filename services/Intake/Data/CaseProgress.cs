namespace ComplaintsPlatform.Intake.Data;

/// <summary>
/// What the person may see of their complaint's case, kept from CaseWorkflow's case events: codes and
/// dates only (no handler, team, findings per issue or notes).
/// </summary>
public sealed class CaseProgress
{
    public Guid ContactId { get; set; }
    public string CaseId { get; set; } = "";
    public int Stage { get; set; }
    // OPEN, ACKNOWLEDGED, ESCALATION_REQUESTED, CLOSED.
    public string Status { get; set; } = CaseProgressCodes.Open;
    // AWAIT_ACKNOWLEDGEMENT, AWAIT_RESPONSE, AWAIT_ESCALATION_DECISION, MAY_ESCALATE, MAY_ASK_OMBUDSMAN, NONE.
    public string NextStep { get; set; } = CaseProgressCodes.AwaitAcknowledgement;
    public DateOnly? NextDue { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    // The CaseEnding and overall Finding codes once closed (e.g. RESPONSE_SENT, PARTLY_UPHELD).
    public string? Ending { get; set; }
    public string? Outcome { get; set; }
    // NEXT_BODY_LGSCO or NEXT_BODY_HOUSING_OMBUDSMAN: where the person may go next.
    public string? NextBody { get; set; }
    // The team the case is allocated to: staff-only, never shown to the person.
    public string? TeamId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class CaseProgressCodes
{
    public const string Open = "OPEN";
    public const string Acknowledged = "ACKNOWLEDGED";
    public const string EscalationRequested = "ESCALATION_REQUESTED";
    public const string Closed = "CLOSED";

    public const string AwaitAcknowledgement = "AWAIT_ACKNOWLEDGEMENT";
    public const string AwaitResponse = "AWAIT_RESPONSE";
    public const string AwaitEscalationDecision = "AWAIT_ESCALATION_DECISION";
    public const string MayEscalate = "MAY_ESCALATE";
    public const string MayAskOmbudsman = "MAY_ASK_OMBUDSMAN";
    public const string None = "NONE";
}
