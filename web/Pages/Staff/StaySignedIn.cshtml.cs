using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>The "stay signed in" form: a new session end, without JavaScript (WCAG 2.2.1 timing adjustable).</summary>
public sealed class StaySignedInModel(StaffTokens tokens) : PageModel
{
    public IActionResult OnGet() => Redirect(Links.Staff.Home);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await tokens.ExtendAsync(HttpContext.RequestAborted);
        return Redirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(Links.Staff.Home, StringComparison.Ordinal)
            ? returnUrl
            : Links.Staff.Home);
    }
}
