using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>Sends the officer to the identity provider, and back to where they were going.</summary>
public sealed class SignInModel(IConfiguration configuration) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!StaffSignIn.IsEnabled(configuration))
        {
            return Redirect(Links.Staff.Unavailable);
        }
        var target = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(Links.Staff.Home, StringComparison.Ordinal)
            ? returnUrl
            : Links.Staff.Home;
        return Challenge(new AuthenticationProperties { RedirectUri = target }, StaffSignIn.OidcScheme);
    }
}
