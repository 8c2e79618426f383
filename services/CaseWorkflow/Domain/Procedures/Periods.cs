using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Procedures;

internal static class Periods
{
    public static Period WorkingDays(int n) => new() { Value = n, Unit = PeriodUnit.WorkingDays };

    public static Period Months(int n) => new() { Value = n, Unit = PeriodUnit.Months };

    public static Clock Clock(ClockKind kind, ClockStart startsOn, Period period, Period? maxExtension = null) => new()
    {
        Kind = kind,
        StartsOn = startsOn,
        Period = period,
        MaxExtension = maxExtension,
    };

    public static bool IsSet(this Period? period) => period is { Value: > 0 };

    public static string Describe(this Period period) => period.Unit switch
    {
        PeriodUnit.WorkingDays => $"{period.Value} working day{(period.Value == 1 ? "" : "s")}",
        PeriodUnit.CalendarDays => $"{period.Value} calendar day{(period.Value == 1 ? "" : "s")}",
        PeriodUnit.Weeks => $"{period.Value} week{(period.Value == 1 ? "" : "s")}",
        PeriodUnit.Months => $"{period.Value} month{(period.Value == 1 ? "" : "s")}",
        _ => $"{period.Value} (no unit)",
    };

    public static Clock? Find(this StagePolicy stage, ClockKind kind) => stage.Clocks.FirstOrDefault(c => c.Kind == kind);
}
