using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>How the services' codes and dates read on staff pages. Words only: no rule is decided here.</summary>
public static class CaseText
{
    public static string Stream(ComplaintStream s) => s switch
    {
        ComplaintStream.Corporate => "Corporate",
        ComplaintStream.AdultSocialCare => "Adult social care",
        ComplaintStream.ChildrenSocialCare => "Children's social care",
        ComplaintStream.Housing => "Housing",
        _ => "Not set",
    };

    public static string Status(CaseWorkflow.V1.CaseStatus s) => s switch
    {
        CaseWorkflow.V1.CaseStatus.Open => "Open",
        CaseWorkflow.V1.CaseStatus.EscalationRequested => "Escalation requested",
        CaseWorkflow.V1.CaseStatus.Closed => "Closed",
        _ => "Unknown",
    };

    public static string Ending(CaseEnding e) => Words(e.ToString());

    public static string Finding(Finding f) => f switch
    {
        CaseWorkflow.V1.Finding.Upheld => "Upheld",
        CaseWorkflow.V1.Finding.PartlyUpheld => "Partly upheld",
        CaseWorkflow.V1.Finding.NotUpheld => "Not upheld",
        CaseWorkflow.V1.Finding.NoFinding => "No finding",
        _ => "Not recorded",
    };

    public static string Clock(ClockKind k) => k switch
    {
        ClockKind.Acknowledge => "Acknowledge",
        ClockKind.Respond => "Respond",
        ClockKind.EscalationWindow => "Person may escalate until",
        ClockKind.PanelMeeting => "Review panel meets",
        ClockKind.PanelReport => "Panel report",
        ClockKind.Backstop => "Six-month backstop",
        _ => Words(k.ToString()),
    };

    public static string Eligibility(Eligibility e) => e switch
    {
        CaseWorkflow.V1.Eligibility.ChildOrYoungPerson => "A child or young person",
        CaseWorkflow.V1.Eligibility.SufficientInterest => "Someone with sufficient interest",
        CaseWorkflow.V1.Eligibility.NotEligible => "Not eligible",
        _ => "Not recorded yet",
    };

    /// <summary>What a deadline was counted from; an adult period agreed with the person, or a backstop they extended, says so.</summary>
    public static string DeadlineBasis(CaseDeadline d, StatutoryRecord? statutory)
    {
        var period = $"{d.Period.Value} {Words(d.Period.Unit.ToString()).ToLowerInvariant()} from {ShortDate(d.StartDate)}";
        return d.Kind switch
        {
            ClockKind.Respond when statutory is { AgreedPeriods.Count: > 0 } && d.MetOn is not { Year: > 0 } => $"Agreed with the person (the default was {period})",
            ClockKind.Backstop when statutory is { BackstopExtensions.Count: > 0 } => $"Extended with the person's agreement (was {period})",
            _ => period,
        };
    }

    public static string Decision(TriageDecision d) => d == TriageDecision.Unspecified ? "Not triaged" : Words(d.ToString());

    public static string Kind(ContactKind k) => Words(k.ToString());

    public static string Channel(Intake.V1.Channel c) => Words(c.ToString());

    /// <summary>"ResolvedByComplaintsTeam" → "Resolved by complaints team".</summary>
    public static string Words(string pascal)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(pascal, "(?<!^)([A-Z])", " $1").ToLowerInvariant();
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Date(Date? d) => d is { Year: > 0 } ? new DateOnly(d.Year, d.Month, d.Day).ToString("d MMMM yyyy") : "";

    /// <summary>Every ISO date in a recorded text written out as the pages write dates ("2026-10-18" → "18 October 2026").</summary>
    public static string DatesWrittenOut(string text) =>
        IsoDate.Replace(text, m => DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMMM yyyy") : m.Value);

    private static readonly Regex IsoDate = new(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant);

    public static string ShortDate(Date? d) => d is { Year: > 0 } ? new DateOnly(d.Year, d.Month, d.Day).ToString("d MMM yyyy") : "";

    /// <summary>An instant as staff read it, in the council's time zone (<see cref="StaffDirectory.Zone"/>).</summary>
    public static string Instant(Google.Protobuf.WellKnownTypes.Timestamp? t, TimeZoneInfo zone)
    {
        if (t is null)
        {
            return "";
        }
        return TimeZoneInfo.ConvertTime(t.ToDateTimeOffset(), zone).ToString("d MMMM yyyy, h:mmtt").Replace("AM", "am").Replace("PM", "pm");
    }

    /// <summary>Whole pence as pounds and pence: 12345 → "£123.45".</summary>
    public static string Money(long pence) => $"£{pence / 100:N0}.{Math.Abs(pence % 100):D2}";

    public static string WorkingDaysLeft(int days) => days switch
    {
        < 0 => $"{-days} working day{(days == -1 ? "" : "s")} overdue",
        0 => "Due today",
        _ => $"{days} working day{(days == 1 ? "" : "s")} left",
    };

    public static string Action(CaseAction a) => a switch
    {
        CaseAction.Acknowledge => "Acknowledge",
        CaseAction.DefineIssue => "Define an issue",
        CaseAction.Allocate => "Allocate",
        CaseAction.Reallocate => "Re-allocate",
        CaseAction.Extend => "Extend the deadline",
        CaseAction.LogTime => "Log time",
        CaseAction.DraftResponse => "Draft the response",
        CaseAction.ReviewResponse => "Review the draft",
        CaseAction.SendResponse => "Send the response",
        CaseAction.EndCase => "End the case another way",
        CaseAction.RequestEscalation => "Record a request to escalate",
        CaseAction.AcceptEscalation => "Accept the escalation",
        CaseAction.RefuseEscalation => "Refuse the escalation",
        CaseAction.AddRemedy => "Add a remedy",
        CaseAction.CompleteRemedy => "Record a remedy done",
        CaseAction.RecordLearning => "Record learning",
        CaseAction.ReviewLearning => "Review the learning",
        CaseAction.RecordResponseDelay => "Record why the response is late",
        CaseAction.AgreeResponsePeriod => "Agree the response period",
        CaseAction.ExtendBackstop => "Extend the backstop",
        CaseAction.RecordDelayReasons => "Record reasons for delay",
        CaseAction.RecordEligibility => "Record eligibility",
        CaseAction.RecordAdvocacyOffer => "Record the advocacy offer",
        CaseAction.RaiseSafeguardingConcern => "Raise a safeguarding concern",
        CaseAction.AppointIndependentPerson => "Appoint the Independent Person",
        CaseAction.RecordAgreedComplaint => "Record the agreed complaint",
        CaseAction.AppointPanel => "Appoint the review panel",
        CaseAction.RecordPanelMeeting => "Record the panel meeting",
        CaseAction.RecordPanelReport => "Record the panel's report",
        _ => Words(a.ToString()),
    };

    /// <summary>The action's address segment: "define-issue".</summary>
    public static string Slug(CaseAction a) =>
        System.Text.RegularExpressions.Regex.Replace(a.ToString(), "(?<!^)([A-Z])", "-$1").ToLowerInvariant();

    public static CaseAction? FromSlug(string slug) =>
        Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Unspecified).Cast<CaseAction?>().FirstOrDefault(a => Slug(a!.Value) == slug);
}
