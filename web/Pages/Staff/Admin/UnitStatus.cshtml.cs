using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>
/// Confirm removing, retiring or bringing back a directorate, service area or team. CaseWorkflow refuses
/// to remove one that cases, time records or officers refer to, and says so; the page then offers retiring it.
/// </summary>
public sealed class UnitStatusModel(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council)
    : ConfigurationPage(tokens, directory, council)
{
    protected override bool UsesDirectory => false;

    public OrganisationUnit Unit { get; private set; } = null!;

    public string Action { get; private set; } = "";

    /// <summary>Removal was refused because something refers to the unit: retiring is the way left.</summary>
    public bool RetireInstead { get; private set; }

    public string Verb => Action switch { "remove" => "Remove", "retire" => "Retire", _ => "Bring back" };

    public async Task<IActionResult> OnGetAsync(string id, string change)
    {
        if (!await FindAsync(id, change))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string change)
    {
        if (!await FindAsync(id, change))
        {
            return NotFound();
        }
        var kind = Unit.Kind;
        var saved = change switch
        {
            "remove" => await SaveAsync(c => OrganisationUnits.Remove(c, id), $"{kind} removed: {Unit.Name}"),
            "retire" => await SaveAsync(c => OrganisationUnits.SetRetired(c, id, true), $"{kind} retired: {Unit.Name}"),
            _ => await SaveAsync(c => OrganisationUnits.SetRetired(c, id, false), $"{kind} brought back: {Unit.Name}"),
        };
        if (saved)
        {
            return Redirect(Links.Staff.Admin.Organisation + "?saved=true");
        }
        RetireInstead = change == "remove" && !Unit.Retired;
        await FindAsync(id, change);
        return Page();
    }

    private async Task<bool> FindAsync(string id, string action)
    {
        await LoadAsync();
        Unit = OrganisationUnits.Find(Configuration, id)!;
        Action = action;
        // Bringing back is for what is retired itself; a unit retired with its parent comes back with it.
        return action is "remove" or "retire" or "restore" && Unit is not null && (action != "restore" || (Unit.Retired && !Unit.RetiredWithParent)) && (action != "retire" || !Unit.Retired);
    }
}
