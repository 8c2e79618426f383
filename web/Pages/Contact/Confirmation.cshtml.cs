using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class ConfirmationModel(JourneyStore store, PublicIntake.PublicIntakeClient intake, StatusSession status) : ContactPage(store, intake)
{
    protected override string Step => Links.Contact.Confirmation;

    public IActionResult OnGet() => Journey.Reference is null ? Redirect(Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers)) : Page();

    /// <summary>Straight to the status page, with the token held server-side: it never appears in an address.</summary>
    public IActionResult OnPost()
    {
        if (Journey.Reference is null || Journey.StatusToken is null)
        {
            return Redirect(Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers));
        }
        status.Start(HttpContext, Journey.Reference, Journey.StatusToken);
        return Redirect(Links.Status.Index);
    }
}
