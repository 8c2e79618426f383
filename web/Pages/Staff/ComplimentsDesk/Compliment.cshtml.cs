using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using ComplimentsClient = ComplaintsPlatform.Compliments.V1.Compliments.ComplimentsClient;

namespace ComplaintsPlatform.Web.Pages.Staff.ComplimentsDesk;

/// <summary>One compliment and what may be done with it: amend, consent to quote, send back to triage.</summary>
public sealed class ComplimentModel(StaffTokens tokens, StaffDirectory directory, ComplimentsClient compliments) : StaffPage(tokens, directory)
{
    public Compliment Compliment { get; private set; } = new();

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid complimentId, string? done)
    {
        if (!ComplimentText.Sees(User))
        {
            return Refuse("You cannot open this", "The compliments pages are for council officers.");
        }
        Done = done switch
        {
            "recorded" => "Compliment recorded",
            _ => done is null ? null : ComplimentSteps.Find(done)?.Done,
        };
        Compliment = await compliments.GetComplimentAsync(new GetComplimentRequest { ComplimentId = complimentId.ToString() }, Call);
        return Page();
    }

    public IReadOnlyList<SummaryRow> Rows()
    {
        var c = Compliment;
        var rows = new List<SummaryRow>
        {
            new("Received", CaseText.Date(c.ReceivedOn)),
            new("Who gave it", ComplimentText.Giver(c.Giver)),
            new("How it came", CaseText.Channel(c.Channel)),
            new("Service", Directory.ServiceArea(c.ServiceAreaId)),
            new("Team", Directory.Team(c.TeamId)),
            new("Officer praised", Directory.Officer(c.OfficerId)),
            new("What they said", c.Words),
            new("May be quoted", c.ConsentToQuote ? "Yes" : "No"),
        };
        if (c.ConsentToQuote)
        {
            rows.Add(new("Words to quote", c.QuotableText));
        }
        rows.Add(new("Source", ComplimentText.Source(c.Source) + (c.ContactReference.Length > 0 ? $" ({c.ContactReference})" : "")));
        if (c.Status == ComplimentStatus.SentBackToTriage)
        {
            rows.Add(new("Sent back to triage", ComplimentText.Reason(c.SentBackReason)));
        }
        return rows;
    }
}

/// <summary>A change to a compliment, one form per page.</summary>
public sealed record ComplimentStep(string Slug, string Title, string Button, string Done);

public static class ComplimentSteps
{
    public static readonly ComplimentStep Amend = new("amend", "Amend the compliment", "Save the changes", "Compliment amended");
    public static readonly ComplimentStep Quote = new("quote", "Consent to quote", "Save the consent", "Consent to quote saved");
    public static readonly ComplimentStep SendBack = new("send-back", "Send back to triage", "Send it back", "Sent back to triage");

    public static readonly IReadOnlyList<ComplimentStep> All = [Amend, Quote, SendBack];

    public static ComplimentStep? Find(string slug) => All.FirstOrDefault(s => s.Slug == slug);
}
