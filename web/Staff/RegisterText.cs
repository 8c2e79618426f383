using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>How the person's registers read on staff pages: words for Intake's codes. No rule is decided here.</summary>
public static class RegisterText
{
    public static readonly IReadOnlyList<Choice> Adjustments =
    [
        new(nameof(Adjustment.LargePrint), "Large print"),
        new(nameof(Adjustment.EasyRead), "Easy read"),
        new(nameof(Adjustment.Braille), "Braille"),
        new(nameof(Adjustment.Interpreter), "An interpreter"),
        new(nameof(Adjustment.ViaRepresentative), "Everything through their representative"),
        new(nameof(Adjustment.PhoneCallFirst), "A phone call before any letter"),
        new(nameof(Adjustment.Other), "Other", "Describe it"),
    ];

    public static readonly IReadOnlyList<Choice> Restrictions =
    [
        new(nameof(RestrictionType.SinglePointOfContact), "A single point of contact"),
        new(nameof(RestrictionType.WrittenContactOnly), "Written contact only"),
        new(nameof(RestrictionType.LimitedCalls), "Limited phone calls"),
        new(nameof(RestrictionType.Other), "Other", "Say how it works in the details"),
    ];

    public static readonly IReadOnlyList<Choice> Outcomes =
    [
        new(nameof(ReviewOutcome.Continue), "Continue as it is", "Until the next review"),
        new(nameof(ReviewOutcome.Change), "Change it", "Say what changes below"),
        new(nameof(ReviewOutcome.End), "End it", "No next review"),
    ];

    public static string AdjustmentName(Adjustment a) => Adjustments.FirstOrDefault(c => c.Value == a.ToString())?.Text ?? CaseText.Words(a.ToString());

    public static string RestrictionName(RestrictionType r) => Restrictions.FirstOrDefault(c => c.Value == r.ToString())?.Text ?? CaseText.Words(r.ToString());

    /// <summary>A restriction code as carried on events and cases ("WRITTEN_CONTACT_ONLY") in words.</summary>
    public static string RestrictionCode(string code) =>
        Enum.TryParse<RestrictionType>(Pascal(code), out var r) ? RestrictionName(r) : CaseText.Words(Pascal(code));

    /// <summary>An adjustment code as carried on events and cases ("LARGE_PRINT") in words.</summary>
    public static string AdjustmentCode(string code) =>
        Enum.TryParse<Adjustment>(Pascal(code), out var a) ? AdjustmentName(a) : CaseText.Words(Pascal(code));

    private static string Pascal(string code) =>
        string.Concat(code.ToLowerInvariant().Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    public static string Outcome(ReviewOutcome o) => o switch
    {
        ReviewOutcome.Continue => "Continued",
        ReviewOutcome.Change => "Changed",
        ReviewOutcome.End => "Ended",
        _ => "Not recorded",
    };

    public static string DaysUntil(int days) => days switch
    {
        < 0 => $"{-days} day{(days == -1 ? "" : "s")} overdue",
        0 => "Due today",
        _ => $"Due in {days} day{(days == 1 ? "" : "s")}",
    };
}

/// <summary>What the restriction banner needs: the person, their restriction codes, and their registers when the officer may read them.</summary>
public sealed record PersonFlags(string PersonId, IReadOnlyList<string> RestrictionCodes, PersonRegisters? Registers, string Back, bool LinkToRegisters = true);
