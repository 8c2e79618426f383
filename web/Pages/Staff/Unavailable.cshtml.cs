using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

public sealed class UnavailableModel : PageModel
{
    public bool Failed { get; private set; }

    public void OnGet(bool failed = false)
    {
        Failed = failed;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }
}
