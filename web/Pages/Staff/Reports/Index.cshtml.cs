using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory) : ReportsPage(tokens, directory)
{
    public bool CanEdit => User.IsInRole("complaints_team");

    public void OnGet()
    {
    }
}
