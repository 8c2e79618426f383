using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class RepresentativeModel(JourneyStore store, PublicIntake.PublicIntakeClient intake) : ContactPage(store, intake)
{
    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    protected override string Step => Links.Contact.Representative;

    [BindProperty]
    public string? ForSomeoneElse { get; set; }

    public void OnGet() => ForSomeoneElse = Journey.ForSomeoneElse switch { true => "yes", false => "no", null => null };

    public async Task<IActionResult> OnPostAsync()
    {
        if (ForSomeoneElse is not ("yes" or "no"))
        {
            // Which page comes next depends on this answer; it is not one of Intake's fields.
            ModelState.AddModelError(nameof(ForSomeoneElse), "Select yes if you are contacting us for someone else");
            ViewData["HasErrors"] = true;
            return Page();
        }
        Journey.ForSomeoneElse = ForSomeoneElse == "yes";
        await SaveAsync();
        return Continue(Journey.ForSomeoneElse == true ? Links.Contact.RepresentativeDetails : Links.Contact.YourDetails);
    }
}
