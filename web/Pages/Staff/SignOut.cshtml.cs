using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>Signs out here and at the identity provider (a form post, with anti-forgery).</summary>
public sealed class SignOutModel(IConfiguration configuration) : PageModel
{
    public IActionResult OnGet() => Redirect(Links.Staff.Home);

    public IActionResult OnPost()
    {
        var properties = new AuthenticationProperties { RedirectUri = Links.Staff.SignedOut };
        return StaffSignIn.IsEnabled(configuration) && User.Identity?.IsAuthenticated == true
            ? SignOut(properties, StaffSignIn.CookieScheme, StaffSignIn.OidcScheme)
            : SignOut(properties, StaffSignIn.CookieScheme);
    }
}
