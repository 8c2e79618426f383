using System.Globalization;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Components;
using Google.Type;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>How the link officer's pages word the Ombudsman's enquiries, decisions, remedies and letters.</summary>
public static class OmbudsmanText
{
    private static readonly System.Text.RegularExpressions.Regex FileCode = new(@"\b[A-Z][A-Z_]*[A-Z]\b");

    /// <summary>
    /// A value from the annual letter's reconciliation as staff read it: the files' codes as words and
    /// their dates written out ("MALADMINISTRATION;SERVICE_FAILURE 2020-09-01" → "Maladministration;
    /// service failure, 1 September 2020").
    /// </summary>
    public static string Readable(string value)
    {
        var words = FileCode.Replace(value, m => m.Value.Replace('_', ' ').ToLowerInvariant()).Replace(";", "; ");
        var dated = CaseText.DatesWrittenOut(words);
        var joined = System.Text.RegularExpressions.Regex.Replace(dated, @"([a-z]) (\d{1,2} [A-Z])", "$1, $2");
        return joined.Length == 0 ? "" : char.ToUpperInvariant(joined[0]) + joined[1..];
    }

    /// <summary>Who sees the Ombudsman pages; the service decides what each may read or record.</summary>
    public static bool Sees(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole("link_officer") || user.IsInRole("complaints_team") || user.IsInRole("service_lead");

    public static bool Records(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole("link_officer") || user.IsInRole("complaints_team");

    public static string Body(Ombudsman.V1.Ombudsman o) => o switch
    {
        Ombudsman.V1.Ombudsman.Lgsco => "Local Government and Social Care Ombudsman",
        Ombudsman.V1.Ombudsman.Housing => "Housing Ombudsman",
        _ => "",
    };

    public static string Short(Ombudsman.V1.Ombudsman o) => o == Ombudsman.V1.Ombudsman.Housing ? "Housing Ombudsman" : "LGSCO";

    public static readonly IReadOnlyList<Choice> Bodies =
        [new(nameof(Ombudsman.V1.Ombudsman.Lgsco), "Local Government and Social Care Ombudsman"), new(nameof(Ombudsman.V1.Ombudsman.Housing), "Housing Ombudsman")];

    public static string Decision(OmbudsmanDecision d) => d switch
    {
        OmbudsmanDecision.Premature => "Premature: referred back for local resolution",
        OmbudsmanDecision.NotForUs => "Not for us (wrong Ombudsman)",
        OmbudsmanDecision.AssessedAndClosed => "Assessed and closed",
        OmbudsmanDecision.Upheld => "Upheld: fault found",
        OmbudsmanDecision.NotUpheld => "Not upheld: no fault",
        OmbudsmanDecision.AdviceGiven => "Advice given",
        OmbudsmanDecision.IncompleteOrInvalid => "Incomplete or invalid",
        _ => "",
    };

    public static readonly IReadOnlyList<ChoiceGroup> Decisions =
        [new("Decision", Enum.GetValues<OmbudsmanDecision>().Where(d => d != OmbudsmanDecision.Unspecified).Select(d => new Choice(d.ToString(), Decision(d))).ToList())];

    public static string Closure(ClosureReason r) => r switch
    {
        ClosureReason.NoFurtherAction => "Closed after initial enquiries",
        ClosureReason.OutOfJurisdiction => "Out of jurisdiction",
        ClosureReason.AlternativeRemedy => "Alternative remedy",
        ClosureReason.OutOfTime => "Out of time",
        _ => "",
    };

    public static readonly IReadOnlyList<ChoiceGroup> Closures =
        [new("Reason", Enum.GetValues<ClosureReason>().Where(r => r != ClosureReason.Unspecified).Select(r => new Choice(r.ToString(), Closure(r))).ToList())];

    public static string Determination(HousingDetermination d) => d switch
    {
        HousingDetermination.SevereMaladministration => "Severe maladministration",
        HousingDetermination.Maladministration => "Maladministration",
        HousingDetermination.ServiceFailure => "Service failure",
        HousingDetermination.NoMaladministration => "No maladministration",
        HousingDetermination.ReasonableRedress => "Reasonable redress",
        HousingDetermination.OutsideJurisdiction => "Outside jurisdiction",
        _ => "",
    };

    public static readonly IReadOnlyList<ChoiceGroup> Determinations =
        [new("Determination", Enum.GetValues<HousingDetermination>().Where(d => d != HousingDetermination.Unspecified).Select(d => new Choice(d.ToString(), Determination(d))).ToList())];

    public static string Remedy(RecommendationType t) => t switch
    {
        RecommendationType.Apology => "Apology",
        RecommendationType.Financial => "Payment",
        RecommendationType.ServiceImprovement => "Service improvement",
        RecommendationType.ProcedureChange => "Procedural change",
        RecommendationType.WrittenCommitment => "Written commitment",
        RecommendationType.Other => "Other",
        _ => "",
    };

    public static readonly IReadOnlyList<ChoiceGroup> Remedies =
        [new("Remedy", Enum.GetValues<RecommendationType>().Where(t => t != RecommendationType.Unspecified).Select(t => new Choice(t.ToString(), Remedy(t))).ToList())];

    public static string Deadline(DeadlineKind k) => k switch
    {
        DeadlineKind.InformationRequest => "Information request",
        DeadlineKind.DraftComments => "Comments on the draft decision",
        DeadlineKind.Recommendation => "Recommendation",
        DeadlineKind.PublicNotice => "Public notice of the report",
        DeadlineKind.PublicInterestResponse => "Response to the public interest report",
        DeadlineKind.Order => "Housing Ombudsman order",
        _ => "",
    };

    public static string Difference(DifferenceKind k) => k switch
    {
        DifferenceKind.MissingHere => "Not in our records",
        DifferenceKind.MissingThere => "Not in the Ombudsman's file",
        DifferenceKind.DifferentDecision => "Different decision",
        DifferenceKind.DifferentDate => "Different date",
        DifferenceKind.DifferentCompliance => "Different compliance",
        _ => "",
    };

    public static string File(LetterFile f) => f switch
    {
        LetterFile.Received => "Complaints received",
        LetterFile.Decided => "Complaints decided",
        LetterFile.Compliance => "Compliance with remedies",
        _ => "",
    };

    public static string Pounds(long pence) => (pence / 100m).ToString("£#,##0.00", CultureInfo.InvariantCulture);

    public static DateOnly? Day(Date? d) => d is { Year: > 0 } ? new DateOnly(d.Year, d.Month, d.Day) : null;

    /// <summary>"5 days left", "due today", "3 days overdue": calendar days from today to the date.</summary>
    public static string DaysLeft(Date? due, DateOnly today)
    {
        if (Day(due) is not { } day)
        {
            return "";
        }
        var days = day.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "due today",
            1 => "1 day left",
            > 1 => $"{days} days left",
            -1 => "1 day overdue",
            _ => $"{-days} days overdue",
        };
    }

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Rate(int hundredths) => (hundredths / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
