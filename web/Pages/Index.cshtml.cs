using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
