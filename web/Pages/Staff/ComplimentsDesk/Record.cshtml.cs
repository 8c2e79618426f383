using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using ComplimentsClient = ComplaintsPlatform.Compliments.V1.Compliments.ComplimentsClient;

namespace ComplaintsPlatform.Web.Pages.Staff.ComplimentsDesk;

/// <summary>A compliment a member of the public gave an officer directly, recorded by staff (praise between staff is refused by the service).</summary>
public sealed class RecordModel(StaffTokens tokens, StaffDirectory directory, ComplimentsClient compliments) : StaffForm(tokens, directory)
{
    [BindProperty] public string? ServiceArea { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public DateParts ReceivedOn { get; set; } = new();
    [BindProperty] public string? Giver { get; set; }
    [BindProperty] public string? Words { get; set; }
    [BindProperty] public string? Consent { get; set; }
    [BindProperty] public string? QuotableText { get; set; }

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    protected override IReadOnlyList<FieldInput> Inputs =>
    [
        new("service_area_id", nameof(ServiceArea), "Service"), new("team_id", nameof(Team), "Team"), new("officer_id", nameof(Officer), "Officer"),
        new("channel", nameof(Channel), "How it came"), new("received_on", nameof(ReceivedOn), "Date received"),
        new("giver", nameof(Giver), "Who gave it"), new("words", nameof(Words), "What they said"),
        new("consent_to_quote", nameof(Consent), "Consent to quote"), new("quotable_text", nameof(QuotableText), "Words to quote"),
    ];

    public IActionResult OnGet() => ComplimentText.Records(User) ? Page() : Refuse("You cannot open this", "Council staff and the complaints team record compliments.");

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var recorded = await compliments.RecordComplimentAsync(new RecordComplimentRequest
            {
                ServiceAreaId = ServiceArea ?? "", TeamId = Team ?? "", OfficerId = Officer ?? "",
                Channel = Enum.TryParse<Intake.V1.Channel>(Channel, out var channel) ? channel : Intake.V1.Channel.Unspecified,
                ReceivedOn = DateOf(ReceivedOn, nameof(ReceivedOn)),
                Giver = Enum.TryParse<Giver>(Giver, out var giver) ? giver : Compliments.V1.Giver.Unspecified,
                Words = Words?.Trim() ?? "",
                ConsentToQuote = Consent == "yes",
                QuotableText = Consent == "yes" ? QuotableText?.Trim() ?? "" : "",
            }, Call);
            return Redirect(Links.Staff.Compliments.Compliment(recorded.ComplimentId) + "?done=recorded");
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }
}
