using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Web.Components;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>How the compliments pages word givers, sources and statuses, and who sees what.</summary>
public static class ComplimentText
{
    /// <summary>Every officer may record or read the compliments they logged or that praise them; the service decides the rest.</summary>
    public static bool Sees(System.Security.Claims.ClaimsPrincipal user) =>
        new[] { "staff", "complaints_team", "handler", "link_officer", "service_lead" }.Any(user.IsInRole);

    public static bool Records(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole("staff") || user.IsInRole("complaints_team");

    /// <summary>Counts and the quotable sample: the complaints team, and service leads for their directorate.</summary>
    public static bool Counts(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole("complaints_team") || user.IsInRole("service_lead");

    public static string Giver(Giver g) => g switch
    {
        Compliments.V1.Giver.MemberOfPublic => "A member of the public",
        Compliments.V1.Giver.OnBehalfOfMemberOfPublic => "Someone on a member of the public's behalf",
        Compliments.V1.Giver.CouncilStaff => "Council staff",
        _ => "",
    };

    public static readonly IReadOnlyList<Choice> Givers =
    [
        new(nameof(Compliments.V1.Giver.MemberOfPublic), "A member of the public"),
        new(nameof(Compliments.V1.Giver.OnBehalfOfMemberOfPublic), "Someone on a member of the public's behalf", "A relative, advocate, councillor or MP."),
        new(nameof(Compliments.V1.Giver.CouncilStaff), "Council staff", "Praise between staff is not logged."),
    ];

    public static readonly IReadOnlyList<ChoiceGroup> Channels =
    [
        new("How it came", new[] { Intake.V1.Channel.Email, Intake.V1.Channel.Letter, Intake.V1.Channel.Phone, Intake.V1.Channel.InPerson,
            Intake.V1.Channel.SocialMedia, Intake.V1.Channel.OnlineForm, Intake.V1.Channel.Councillor, Intake.V1.Channel.Mp }
            .Select(c => new Choice(c.ToString(), CaseText.Channel(c))).ToList()),
    ];

    public static string Source(ComplimentSource s) => s == ComplimentSource.IntakeTriage ? "From triage" : "Recorded by staff";

    public static string Reason(RetriageReason r) => r switch
    {
        RetriageReason.IsComplaint => "It is a complaint",
        RetriageReason.IsServiceRequest => "It is a service request",
        _ => "",
    };

    public static readonly IReadOnlyList<Choice> Reasons =
        [new(nameof(RetriageReason.IsComplaint), "It is a complaint"), new(nameof(RetriageReason.IsServiceRequest), "It is a service request")];

    /// <summary>The financial year (1 April to 31 March) a day falls in, by its first year.</summary>
    public static int FinancialYear(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;
}
