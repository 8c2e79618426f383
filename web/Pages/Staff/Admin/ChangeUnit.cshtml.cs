using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>
/// Rename a directorate, service area or team (its id, and so its cases and history, stay), or move a
/// service area or team under another parent, which CaseWorkflow allows only while nothing records it where it is.
/// </summary>
public sealed class ChangeUnitModel(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council)
    : ConfigurationPage(tokens, directory, council)
{
    protected override bool UsesDirectory => false;

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Parent { get; set; }

    [BindProperty] public string? Email { get; set; }

    public OrganisationUnit Unit { get; private set; } = null!;

    /// <summary>Where the unit may go: the parents in use, and always the one it is under now.</summary>
    public IReadOnlyList<ChoiceGroup> Parents
    {
        get
        {
            var groups = Unit.Kind == "Team" ? OrganisationUnits.ServiceAreas(Configuration) : OrganisationUnits.Directorates(Configuration);
            if (groups.SelectMany(g => g.Choices).Any(c => c.Value == Unit.ParentId))
            {
                return groups;
            }
            var current = OrganisationUnits.Find(Configuration, Unit.ParentId);
            return [.. groups, new ChoiceGroup("Now", [new Choice(Unit.ParentId, current?.Name ?? Unit.ParentId)])];
        }
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }
        Name = Unit.Name;
        Parent = Unit.ParentId;
        Email = Unit.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), $"Enter the {Unit.Kind.ToLowerInvariant()}'s name");
            ViewData["HasErrors"] = true;
            return Page();
        }
        var name = Name.Trim();
        var moving = Unit.Depth > 0 && Parent is { Length: > 0 } && Parent != Unit.ParentId;
        var reason = moving
            ? $"{Unit.Kind} moved: {Unit.Name} to {OrganisationUnits.Find(Configuration, Parent!)?.Name ?? Parent}" + (name != Unit.Name ? $" and renamed {name}" : "")
            : name != Unit.Name ? $"{Unit.Kind} renamed: {Unit.Name} to {name}" : $"{Unit.Kind} changed: {name}";
        var saved = await SaveAsync(c => OrganisationUnits.Change(c, id, name, Unit.Depth > 0 ? Parent : null, Unit.Kind == "Team" ? Email?.Trim() : null),
            reason, Inputs(id));
        if (saved)
        {
            return Redirect(Links.Staff.Admin.Organisation + "?saved=true");
        }
        if (moving && ModelState.TryGetValue("", out var summary) && summary.Errors.Count > 0)
        {
            // The service's refusal of a move belongs beside the choice of parent.
            foreach (var error in summary.Errors.ToList())
            {
                ModelState.AddModelError(nameof(Parent), error.ErrorMessage);
            }
            ModelState.Remove("");
        }
        await FindAsync(id);
        return Page();
    }

    private async Task<bool> FindAsync(string id)
    {
        await LoadAsync();
        Unit = OrganisationUnits.Find(Configuration, id)!;
        return Unit is not null;
    }

    /// <summary>The service's field for this unit's name and email (e.g. configuration.directorates[0].service_areas[2].name).</summary>
    private FieldInput[] Inputs(string id)
    {
        for (var d = 0; d < Configuration.Directorates.Count; d++)
        {
            var directorate = Configuration.Directorates[d];
            if (directorate.Id == id)
            {
                return [new($"configuration.directorates[{d}].name", nameof(Name), "Name")];
            }
            for (var s = 0; s < directorate.ServiceAreas.Count; s++)
            {
                var area = directorate.ServiceAreas[s];
                if (area.Id == id)
                {
                    return [new($"configuration.directorates[{d}].service_areas[{s}].name", nameof(Name), "Name")];
                }
                var t = area.Teams.ToList().FindIndex(x => x.Id == id);
                if (t >= 0)
                {
                    var path = $"configuration.directorates[{d}].service_areas[{s}].teams[{t}]";
                    return [new(path + ".name", nameof(Name), "Name"), new(path + ".email", nameof(Email), "Email")];
                }
            }
        }
        return [];
    }
}
