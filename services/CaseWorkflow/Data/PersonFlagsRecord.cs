namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>
/// What handlers must know about the person behind a case, from Intake's registers: the reasonable
/// adjustments in force and active contact restrictions, as codes. The details stay in Intake.
/// </summary>
public sealed class PersonFlagsRecord
{
    public string PersonId { get; set; } = "";

    public List<string> AdjustmentCodes { get; set; } = [];

    /// <summary>Active restrictions: restriction id → restriction code.</summary>
    public Dictionary<string, string> Restrictions { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
