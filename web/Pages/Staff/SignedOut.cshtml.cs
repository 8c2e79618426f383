using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }
}
