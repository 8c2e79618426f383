using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>
/// What a case's rules compute with: the policy version it opened under, the council's calendar for
/// its stream (and that calendar's version, stored with each deadline) and today's date in the council's zone.
/// </summary>
public sealed record CaseRules(ProcedurePolicy Policy, WorkingDayCalendar Calendar, string CalendarVersion, DateOnly Today)
{
    /// <summary>How many working days before a deadline the officer is reminded (Reminders:DueSoonWorkingDays).</summary>
    public int DueSoonWorkingDays { get; init; } = 2;

    public StagePolicy? Stage(int number) => Policy.Stages.FirstOrDefault(s => s.Number == number);

    public int LastStage => Policy.Stages.Max(s => s.Number);

    public string OmbudsmanName => Policy.NextBody switch
    {
        NextBody.HousingOmbudsman => "the Housing Ombudsman",
        _ => "the Local Government and Social Care Ombudsman",
    };
}
