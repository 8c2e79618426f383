using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using ComplimentsClient = ComplaintsPlatform.Compliments.V1.Compliments.ComplimentsClient;

namespace ComplaintsPlatform.Web.Pages.Staff.ComplimentsDesk;

/// <summary>Amend a compliment, record consent to quote it, or send it back to triage; who may is the service's rule.</summary>
public sealed class StepModel(StaffTokens tokens, StaffDirectory directory, ComplimentsClient compliments) : StaffForm(tokens, directory)
{
    public Compliment Compliment { get; private set; } = new();

    public ComplimentStep Step { get; private set; } = ComplimentSteps.Amend;

    [BindProperty] public string? Words { get; set; }
    [BindProperty] public string? ServiceArea { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? Consent { get; set; }
    [BindProperty] public string? QuotableText { get; set; }
    [BindProperty] public string? Reason { get; set; }

    protected override IReadOnlyList<FieldInput> Inputs =>
    [
        new("words", nameof(Words), "What they said"), new("service_area_id", nameof(ServiceArea), "Service"),
        new("team_id", nameof(Team), "Team"), new("officer_id", nameof(Officer), "Officer"),
        new("consent_to_quote", nameof(Consent), "Consent to quote"), new("quotable_text", nameof(QuotableText), "Words to quote"),
        new("reason", nameof(Reason), "Why it goes back"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid complimentId, string step)
    {
        if (await LoadAsync(complimentId, step) is { } refused)
        {
            return refused;
        }
        Words = Compliment.Words;
        ServiceArea = Compliment.ServiceAreaId;
        Team = Compliment.TeamId;
        Officer = Compliment.OfficerId;
        Consent = Compliment.ConsentToQuote ? "yes" : "no";
        QuotableText = Compliment.QuotableText;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid complimentId, string step)
    {
        if (await LoadAsync(complimentId, step) is { } refused)
        {
            return refused;
        }
        var id = Compliment.ComplimentId;
        try
        {
            switch (Step.Slug)
            {
                case "amend":
                    await compliments.AmendComplimentAsync(new AmendComplimentRequest
                    {
                        ComplimentId = id, Words = Words?.Trim() ?? "", ServiceAreaId = ServiceArea ?? "", TeamId = Team ?? "", OfficerId = Officer ?? "",
                    }, Call);
                    break;
                case "quote":
                    await compliments.SetQuoteConsentAsync(new SetQuoteConsentRequest
                    {
                        ComplimentId = id, ConsentToQuote = Consent == "yes", QuotableText = Consent == "yes" ? QuotableText?.Trim() ?? "" : "",
                    }, Call);
                    break;
                default:
                    await compliments.SendBackToTriageAsync(new SendBackToTriageRequest
                    {
                        ComplimentId = id, Reason = Enum.TryParse<RetriageReason>(Reason, out var reason) ? reason : RetriageReason.Unspecified,
                    }, Call);
                    break;
            }
            return Redirect(Links.Staff.Compliments.Compliment(id) + "?done=" + Step.Slug);
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid complimentId, string step)
    {
        if (!ComplimentText.Records(User))
        {
            return Refuse("You cannot open this", "Council staff and the complaints team change compliments.");
        }
        if (ComplimentSteps.Find(step) is not { } found)
        {
            return NotFound();
        }
        Step = found;
        Compliment = await compliments.GetComplimentAsync(new GetComplimentRequest { ComplimentId = complimentId.ToString() }, Call);
        return null;
    }
}
