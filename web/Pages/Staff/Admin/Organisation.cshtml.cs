using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>The complaints team adds directorates, service areas and teams (each a new configuration version).</summary>
public sealed partial class OrganisationModel(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council)
    : ConfigurationPage(tokens, directory, council)
{
    protected override bool UsesDirectory => false;

    [BindProperty] public string? DirectorateName { get; set; }

    [BindProperty] public string? AreaDirectorate { get; set; }

    [BindProperty] public string? AreaName { get; set; }

    [BindProperty] public string? TeamArea { get; set; }

    [BindProperty] public string? TeamName { get; set; }

    [BindProperty] public string? TeamEmail { get; set; }

    public IReadOnlyList<ChoiceGroup> Directorates => OrganisationUnits.Directorates(Configuration);

    public IReadOnlyList<ChoiceGroup> ServiceAreas => OrganisationUnits.ServiceAreas(Configuration);

    public IReadOnlyList<OrganisationUnit> Units => OrganisationUnits.All(Configuration);

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostDirectorateAsync()
    {
        if (Required(DirectorateName, nameof(DirectorateName), "Enter the directorate's name") && await SaveAsync(
            c => c.Directorates.Add(new Directorate { Id = Id(DirectorateName!), Name = DirectorateName!.Trim() }),
            $"Directorate added: {DirectorateName!.Trim()}", Input("directorates", nameof(DirectorateName), "Directorate")))
        {
            return Redirect(Links.Staff.Admin.Organisation + "?saved=true");
        }
        return await Again();
    }

    public async Task<IActionResult> OnPostServiceAreaAsync()
    {
        if (Required(AreaName, nameof(AreaName), "Enter the service area's name") && await SaveAsync(c =>
            {
                var directorate = c.Directorates.FirstOrDefault(d => d.Id == AreaDirectorate);
                directorate?.ServiceAreas.Add(new ServiceArea { Id = Id(AreaName!), Name = AreaName!.Trim() });
            },
            $"Service area added: {AreaName!.Trim()}", Input("directorates", nameof(AreaName), "Service area")))
        {
            return Redirect(Links.Staff.Admin.Organisation + "?saved=true");
        }
        return await Again();
    }

    public async Task<IActionResult> OnPostTeamAsync()
    {
        if (Required(TeamName, nameof(TeamName), "Enter the team's name") && await SaveAsync(c =>
            {
                var area = c.Directorates.SelectMany(d => d.ServiceAreas).FirstOrDefault(a => a.Id == TeamArea);
                area?.Teams.Add(new Team { Id = Id(TeamName!), Name = TeamName!.Trim(), Email = TeamEmail?.Trim() ?? "" });
            },
            $"Team added: {TeamName!.Trim()}", Input("directorates", nameof(TeamName), "Team")))
        {
            return Redirect(Links.Staff.Admin.Organisation + "?saved=true");
        }
        return await Again();
    }

    private static FieldInput[] Input(string field, string key, string label) => [new("configuration." + field, key, label)];

    private bool Required(string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
            ViewData["HasErrors"] = true;
            return false;
        }
        return true;
    }

    private async Task<IActionResult> Again()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The id the directory keys a unit by, made from its name ("SEN Assessment" → "sen-assessment").</summary>
    public static string Id(string name) => NotIdCharacters().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdCharacters();
}
