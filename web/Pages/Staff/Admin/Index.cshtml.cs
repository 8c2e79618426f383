using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory) : AdminPage(tokens, directory, "complaints_team", "administrator")
{
    protected override bool UsesDirectory => false;

    public void OnGet()
    {
    }
}
