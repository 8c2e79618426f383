using System.Text;

namespace ComplaintsPlatform.Calendar;

/// <summary>
/// Everything needed to defend a computed deadline: where the clock started and why, which days
/// were skipped and why, and which calendar (data version, division, statute) and working-day rule was used.
/// </summary>
public sealed record DeadlineExplanation(
    DateTimeOffset? ReceivedAt,
    DateOnly StartDay,
    DateOnly EffectiveStartDay,
    string EffectiveStartReason,
    IReadOnlyList<NonWorkingDay> ReceiptDaysSkipped,
    int WorkingDays,
    DateOnly Due,
    IReadOnlyList<NonWorkingDay> SkippedDays,
    string CalendarVersion,
    Division Division,
    string Statute,
    string WorkingDayRule = "")
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(ReceivedAt is { } at ? $"Received {at:yyyy-MM-dd HH:mm zzz} (local day {StartDay:ddd yyyy-MM-dd})" : $"Clock starts from {StartDay:ddd yyyy-MM-dd}");
        text.AppendLine($"Counted from {EffectiveStartDay:ddd yyyy-MM-dd}: {EffectiveStartReason}");
        foreach (var day in ReceiptDaysSkipped)
            text.AppendLine($"  receipt moved past {day}");
        text.AppendLine($"{WorkingDays} working days after it: due {Due:ddd yyyy-MM-dd}");
        foreach (var day in SkippedDays)
            text.AppendLine($"  skipped {day}");
        if (WorkingDayRule.Length > 0)
            text.AppendLine(WorkingDayRule);
        text.Append($"Calendar {CalendarVersion}, {Division}, {Statute}");
        return text.ToString();
    }
}
