using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>The configurable lists (nature categories, exclusion and refusal reasons, remedy types, signposts): add an item, retire or restore one.</summary>
public sealed partial class ListsModel(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council)
    : ConfigurationPage(tokens, directory, council)
{
    protected override bool UsesDirectory => false;

    [BindProperty] public string? List { get; set; }

    [BindProperty] public string? Label { get; set; }

    public IReadOnlyList<ChoiceGroup> ListChoices => [new("Lists", Configuration.Lists.Select(l => new Choice(l.Name, Title(l.Name))).ToList())];

    public static string Title(string list) => list switch
    {
        "nature_categories" => "Nature categories",
        "exclusion_reasons" => "Exclusion reasons",
        "escalation_refusal_reasons" => "Reasons to refuse Stage 2",
        "remedy_types" => "Remedy types",
        "signpost_destinations" => "Signpost destinations",
        _ => list,
    };

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (string.IsNullOrWhiteSpace(Label))
        {
            ModelState.AddModelError(nameof(Label), "Enter the item's wording");
            ViewData["HasErrors"] = true;
        }
        else if (await SaveAsync(c => c.Lists.FirstOrDefault(l => l.Name == List)?.Items.Add(new ListItem { Code = Code(Label), Label = Label.Trim() }),
            $"{Title(List ?? "")}: added {Label.Trim()}", new FieldInput("configuration.lists", nameof(Label), "Item")))
        {
            return Redirect(Links.Staff.Admin.Lists + "?saved=true");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(string list, string code)
    {
        if (await SaveAsync(c =>
            {
                if (c.Lists.FirstOrDefault(l => l.Name == list)?.Items.FirstOrDefault(i => i.Code == code) is { } item)
                {
                    item.Retired = !item.Retired;
                }
            }, $"{Title(list)}: {code} retired or restored", new FieldInput("configuration.lists", nameof(Label), "Item")))
        {
            return Redirect(Links.Staff.Admin.Lists + "?saved=true");
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The code a list item is stored by, made from its wording ("Poor communication" → "POOR_COMMUNICATION").</summary>
    public static string Code(string label) => NotCodeCharacters().Replace(label.Trim().ToUpperInvariant(), "_").Trim('_');

    [GeneratedRegex("[^A-Z0-9]+")]
    private static partial Regex NotCodeCharacters();
}
