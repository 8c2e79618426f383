using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Status;

/// <summary>
/// The link in the receipt email: the token is swapped at once for the status cookie and the browser
/// sent on to /status, so it leaves the address bar (and history). Nothing is checked here: a wrong
/// token then looks on the status page exactly like an unknown reference.
/// </summary>
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class OpenModel(StatusSession session) : PageModel
{
    public IActionResult OnGet(string? reference, string? token) => Open(reference, token);

    /// <summary>The same, from the form on the status page (reference and status code typed in).</summary>
    public IActionResult OnPost(string? reference, string? token) => Open(reference, token);

    private IActionResult Open(string? reference, string? token)
    {
        if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(token) || reference.Length > 40 || token.Length > 200)
        {
            return Redirect(Links.Status.Index + "?missing=true");
        }
        session.Start(HttpContext, reference.Trim(), token.Trim());
        return Redirect(Links.Status.Index);
    }
}
