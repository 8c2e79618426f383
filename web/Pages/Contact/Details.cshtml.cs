using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class DetailsModel(JourneyStore store, PublicIntake.PublicIntakeClient intake) : ContactPage(store, intake)
{
    protected override string Step => Links.Contact.Details;

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public DateParts HappenedOn { get; set; } = new();

    [BindProperty]
    public string? OutcomeSought { get; set; }

    public void OnGet()
    {
        Description = Journey.Description;
        HappenedOn = Journey.HappenedOn;
        OutcomeSought = Journey.OutcomeSought;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Journey.Description = Description;
        Journey.HappenedOn = HappenedOn;
        Journey.OutcomeSought = Journey.IsComplaint ? OutcomeSought : null;
        if (!await IntakeAcceptsAsync(Journey))
        {
            return Page();
        }
        await SaveAsync();
        return Continue(Links.Contact.Attachments);
    }
}
