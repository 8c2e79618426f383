using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>
/// One clock of one stage: what started it, the policy period, extensions, and the due date with the
/// calendar and policy versions it was computed from and an explanation a person can check.
/// </summary>
public sealed class Deadline
{
    public int Stage { get; internal set; }
    public ClockKind Kind { get; internal set; }
    public ClockStart StartsOn { get; internal set; }

    /// <summary>Set for receipt and request clocks: after close of business or on a non-working day counts from the next working day.</summary>
    public DateTimeOffset? StartInstant { get; internal set; }
    public DateOnly StartDate { get; internal set; }
    public int PeriodValue { get; internal set; }
    public PeriodUnit PeriodUnit { get; internal set; }
    public int MaxExtension { get; internal set; }
    public int ExtendedBy { get; internal set; }
    public DateOnly OriginalDue { get; internal set; }
    public DateOnly Due { get; internal set; }
    public int PolicyVersion { get; internal set; }
    public string CalendarVersion { get; internal set; } = "";
    public string Explanation { get; internal set; } = "";
    public DateOnly? MetOn { get; internal set; }

    /// <summary>A date agreed with the person (adult social care); it replaces the computed one and no calendar moves it.</summary>
    public DateOnly? AgreedDue { get; internal set; }

    /// <summary>
    /// A deadline an imported case's source system recorded: the original deadline the case was held
    /// to, so timeliness is judged against it and an extension runs on from it.
    /// </summary>
    public DateOnly? GivenDue { get; internal set; }

    /// <summary>How many working days before <see cref="Due"/> the officer is reminded, and the day that falls on.</summary>
    public int DueSoonWorkingDays { get; internal set; }
    public DateOnly RemindOn { get; internal set; }

    /// <summary>The due date each reminder was sent for: a moved deadline is reminded again, the same one never twice.</summary>
    public DateOnly? DueSoonRemindedFor { get; internal set; }
    public DateOnly? OverdueRemindedFor { get; internal set; }

    internal static Deadline Start(int stage, Clock clock, DateOnly startDate, DateTimeOffset? startInstant, CaseRules rules)
    {
        var deadline = new Deadline
        {
            Stage = stage,
            Kind = clock.Kind,
            StartsOn = clock.StartsOn,
            StartInstant = startInstant,
            StartDate = startDate,
            PeriodValue = clock.Period.Value,
            PeriodUnit = clock.Period.Unit,
            // Extensions are counted in working days; a statutory clock extended in other units is issue 7's.
            MaxExtension = clock.MaxExtension is { Unit: PeriodUnit.WorkingDays } max ? max.Value : 0,
            PolicyVersion = rules.Policy.Version,
            DueSoonWorkingDays = rules.DueSoonWorkingDays,
        };
        deadline.Compute(rules.Calendar, rules.CalendarVersion);
        return deadline;
    }

    internal void Extend(int workingDays, WorkingDayCalendar calendar, string calendarVersion)
    {
        ExtendedBy += workingDays;
        Compute(calendar, calendarVersion);
    }

    /// <summary>Computes the due dates again under <paramref name="calendar"/>; true when the date in force moved.</summary>
    internal bool Compute(WorkingDayCalendar calendar, string calendarVersion)
    {
        var before = Due;
        string explanation;
        try
        {
            (OriginalDue, explanation) = ComputeOriginal(calendar);
            if (GivenDue is { } given)
            {
                explanation += $"{Environment.NewLine}Given by the source system: due {given:ddd yyyy-MM-dd}";
                OriginalDue = given;
            }
            Due = OriginalDue;
            if (ExtendedBy > 0)
            {
                var extended = calendar.ExplainAddWorkingDays(OriginalDue, ExtendedBy);
                Due = extended.Due;
                explanation += $"{Environment.NewLine}Extended by {ExtendedBy} working days: due {Due:ddd yyyy-MM-dd}" +
                    string.Concat(extended.SkippedDays.Select(d => $"{Environment.NewLine}  skipped {d}"));
            }
            if (AgreedDue is { } agreed)
            {
                Due = agreed;
                explanation += $"{Environment.NewLine}Agreed with the person: due {Due:ddd yyyy-MM-dd}";
            }
            RemindOn = WorkingDaysBefore(calendar, Due, DueSoonWorkingDays);
        }
        catch (CalendarRangeException ex)
        {
            throw new RuleViolationException($"The deadline cannot be computed: {ex.Message}");
        }
        Explanation = $"{Kind} at stage {Stage}, policy version {PolicyVersion}:{Environment.NewLine}{explanation}";
        CalendarVersion = calendarVersion;
        return before != default && before != Due;
    }

    internal void Give(DateOnly due, WorkingDayCalendar calendar, string calendarVersion)
    {
        GivenDue = due;
        Compute(calendar, calendarVersion);
    }

    internal void Agree(DateOnly due, WorkingDayCalendar calendar, string calendarVersion)
    {
        AgreedDue = due;
        Compute(calendar, calendarVersion);
    }

    private static DateOnly WorkingDaysBefore(WorkingDayCalendar calendar, DateOnly due, int workingDays)
    {
        var day = due;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            counted += calendar.IsWorkingDay(day) ? 1 : 0;
        }
        return day;
    }

    private (DateOnly Due, string Explanation) ComputeOriginal(WorkingDayCalendar calendar)
    {
        switch (PeriodUnit)
        {
            case PeriodUnit.WorkingDays when StartInstant is { } at:
                var explained = calendar.ExplainAddWorkingDays(at, PeriodValue);
                return (explained.Due, explained.ToString());
            case PeriodUnit.WorkingDays when StartsOn is ClockStart.EscalationRequest or ClockStart.PanelRequest
                && calendar.NextWorkingDayOnOrAfter(StartDate) is var counted && counted != StartDate:
                // A request dated a non-working day (its time unknown) counts from the next working day, as a receipt does.
                var fromNext = calendar.ExplainAddWorkingDays(counted, PeriodValue);
                return (fromNext.Due, $"requested on {StartDate:ddd yyyy-MM-dd}, a non-working day, so counted as received on {counted:ddd yyyy-MM-dd}" +
                    $"{Environment.NewLine}{fromNext}");
            case PeriodUnit.WorkingDays:
                var fromDate = calendar.ExplainAddWorkingDays(StartDate, PeriodValue);
                return (fromDate.Due, fromDate.ToString());
            case PeriodUnit.CalendarDays:
                return Calendar(StartDate.AddDays(PeriodValue), "calendar days");
            case PeriodUnit.Weeks:
                return Calendar(CalendarPeriods.AddWeeks(StartDate, PeriodValue), "weeks");
            case PeriodUnit.Months:
                return Calendar(CalendarPeriods.AddMonths(StartDate, PeriodValue), "months");
            default:
                throw new RuleViolationException($"The policy's {Kind} clock has no period unit.");
        }

        (DateOnly, string) Calendar(DateOnly due, string unit) =>
            (due, $"{PeriodValue} {unit} from {StartDate:ddd yyyy-MM-dd}: due {due:ddd yyyy-MM-dd} (a calendar period, not moved to a working day)");
    }
}
