using ComplaintsPlatform.Intake.V1;
using Scope = ComplaintsPlatform.Intake.V1.ConsentScope;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class RepresentativeDetailsModel(JourneyStore store, PublicIntake.PublicIntakeClient intake) : ContactPage(store, intake)
{
    public static readonly IReadOnlyList<Choice> ConsentChoice = [new("yes", "They have agreed to me acting for them")];

    public static readonly IReadOnlyList<Choice> Scopes =
    [
        new(nameof(Scope.Full), "To me acting for them in everything about it", "Letters and emails about it come to me"),
        new(nameof(Scope.SubmitAndProgress), "To me sending it and being told how it is going", "Letters and emails go to them"),
    ];

    protected override string Step => Links.Contact.RepresentativeDetails;

    [BindProperty] public string? RepName { get; set; }
    [BindProperty] public string? RepRelationship { get; set; }
    [BindProperty] public string? RepEmail { get; set; }
    [BindProperty] public string? RepPhone { get; set; }
    [BindProperty] public List<string> Consent { get; set; } = [];
    [BindProperty] public string? ConsentScope { get; set; }

    public void OnGet()
    {
        (RepName, RepRelationship, RepEmail, RepPhone, ConsentScope) = (Journey.RepName, Journey.RepRelationship, Journey.RepEmail, Journey.RepPhone, Journey.ConsentScope);
        Consent = Journey.Consent ? ["yes"] : [];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        (Journey.RepName, Journey.RepRelationship, Journey.RepEmail, Journey.RepPhone, Journey.ConsentScope) = (RepName, RepRelationship, RepEmail, RepPhone, ConsentScope);
        Journey.Consent = Consent.Contains("yes");
        if (!await IntakeAcceptsAsync(Journey))
        {
            return Page();
        }
        await SaveAsync();
        return Continue(Links.Contact.YourDetails);
    }
}
