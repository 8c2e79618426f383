using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Status;

/// <summary>Forgets the status cookie (a shared computer).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect(Links.Status.Index);

    public IActionResult OnPost()
    {
        StatusSession.End(HttpContext);
        return Redirect(Links.Home);
    }
}
