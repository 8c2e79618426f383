using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>A reminder the deadline watcher owes an officer (or, unallocated, the complaints team).</summary>
public sealed record ReminderNote(Guid Id, int Stage, ClockKind Clock, ReminderKind Kind, DateOnly Due, string OfficerId);

/// <summary>Time an officer logged on a case; kept in its own table for totals, announced for Reporting.</summary>
public sealed record TimeEntryNote(Guid Id, int Stage, string DirectorateId, string ServiceAreaId, string OfficerId,
    int Minutes, string ActivityCode, DateOnly WorkedOn);
