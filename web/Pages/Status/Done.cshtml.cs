using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Status;

/// <summary>The confirmation after a request about the person's contact (post/redirect/get).</summary>
public sealed class DoneModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public void OnGet(string? what) => (Title, Body) = what switch
    {
        "next-stage" => ("Request sent", "We will tell you whether your complaint goes to the next stage."),
        "withdrawn" => ("Complaint withdrawn", "We have stopped looking into your complaint."),
        _ => ("Information added", "We have added it to your complaint."),
    };
}
