using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>Starts a journey (POST from the start page), so the answers have an instance of their own.</summary>
public sealed class StartModel(JourneyStore store, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect(Links.Home);

    public async Task<IActionResult> OnPostAsync()
    {
        var journey = ContactJourney.Start(clock.GetUtcNow());
        await store.SaveAsync(ContactJourney.Kind, journey, HttpContext.RequestAborted);
        return Redirect(Links.Contact.Page(journey.Id, Links.Contact.Kind));
    }
}
