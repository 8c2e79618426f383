namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The counter names handlers write and reports read.</summary>
public static class Metrics
{
    public const string Contact = "contact";
    public const string Triage = "triage";
    public const string Member = "member";
    public const string Opened = "opened";
    public const string EscalationRequested = "esc_requested";
    public const string EscalationAccepted = "esc_accepted";
    public const string EscalationRefused = "esc_refused";
    public const string Ombudsman = "ombudsman";
    public const string Finding = "finding";
    public const string Ending = "ending";
    public const string Ack = "ack";
    public const string Response = "resp";
    public const string ResponseDays = "resp_days";
    public const string Remedy = "remedy";
    public const string Learning = "learning";
    public const string FaultFound = "fault_case";
    public const string FaultWithLesson = "fault_lesson";
    public const string Compliment = "compliment";
    // Council remedies: +1 when agreed, -1 when completed, at the month agreed (so a sum is what is still open).
    public const string RemedyOutstanding = "remedy_open";
    // Code "on_time" or "late"; amount: the pence.
    public const string RemedyCompleted = "remedy_done";
    // Officer time: count = entries, amount = minutes.
    public const string OfficerTime = "officer_time";
    // A case with time logged, once per stage.
    public const string OfficerTimeCase = "officer_time_case";
    // The statutory streams per stage; code "stage:measure" (see Events.StatutoryCounters).
    public const string Statutory = "statutory";
}
