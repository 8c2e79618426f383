using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using OmbudsmanLiaisonClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using V1Direction = ComplaintsPlatform.Ombudsman.V1.Direction;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>
/// The link officer's queue: every open Ombudsman matter by its next deadline (information requests,
/// draft decision comments, recommendations, orders, public interest report steps), the remedies still
/// open, and the requests already overdue.
/// </summary>
public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory, OmbudsmanLiaisonClient ombudsman, TimeProvider clock)
    : StaffPage(tokens, directory)
{
    public IReadOnlyList<Matter> Matters { get; private set; } = [];

    public IReadOnlyList<OutstandingRecommendation> Remedies { get; private set; } = [];

    public IReadOnlyList<OverdueRequest> Overdue { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!OmbudsmanText.Sees(User))
        {
            return Refuse("You cannot open this", "The Ombudsman pages are for the link officers, the complaints team and service leads.");
        }
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filter = new WorkspaceFilter();
        Matters = (await ombudsman.ListOpenMattersAsync(filter, Call)).Matters;
        Remedies = (await ombudsman.ListOutstandingRecommendationsAsync(filter, Call)).Recommendations;
        Overdue = (await ombudsman.ListOverdueRequestsAsync(filter, Call)).Requests;
        return Page();
    }
}
