using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Identity.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>
/// The administrator's staff accounts: one form makes the officer in CaseWorkflow's directory (name,
/// email, team) and their account at the identity provider (roles), in that order, since an account's
/// subject is a directory officer. Saving the same officer again changes nothing, so a retry after a
/// failed account call is safe.
/// </summary>
public sealed class AccountsModel(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council,
    Accounts.AccountsClient accounts, JourneyStore journeys, TimeProvider clock) : AdminPage(tokens, directory, "administrator")
{
    public static readonly string[] Roles = ["staff", "complaints_team", "handler", "link_officer", "service_lead", "scrutiny", "administrator", "data_protection_officer"];

    [BindProperty] public string? OfficerId { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Team { get; set; }

    [BindProperty] public List<string> RoleChoices { get; set; } = [];

    public List<Account> Existing { get; } = [];

    public static IReadOnlyList<Choice> RoleItems => Roles.Select(r => new Choice(r, StaffRoles.Describe(r))).ToList();

    private static readonly FieldInput[] Inputs =
    [
        new("officer.id", nameof(OfficerId), "Officer id"), new("officer.name", nameof(Name), "Name"), new("officer.email", nameof(Email), "Email address"),
        new("officer.team_ids", nameof(Team), "Team"), new("officer_id", nameof(OfficerId), "Officer id"), new("user_name", nameof(Email), "Email address"),
        new("roles", nameof(RoleChoices), "Roles"),
    ];

    public async Task OnGetAsync() => await ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the officer's email address: it is their user name");
            ViewData["HasErrors"] = true;
            await ListAsync();
            return Page();
        }
        try
        {
            var officer = new Officer { Id = OfficerId?.Trim() ?? "", Name = Name?.Trim() ?? "", Email = Email.Trim() };
            if (!string.IsNullOrEmpty(Team))
            {
                officer.TeamIds.Add(Team);
            }
            await council.SaveOfficerAsync(new SaveOfficerRequest { Officer = officer, ChangeReason = "Staff account created" }, Call);
            Directory.Forget();
            var created = await accounts.CreateAccountAsync(new CreateAccountRequest { OfficerId = officer.Id, UserName = officer.Email, Roles = { RoleChoices } }, Call);
            var issued = new IssuedSecret(Guid.NewGuid(), clock.GetUtcNow(), "accounts", $"{officer.Name} ({string.Join(", ", created.Account.Roles.Select(StaffRoles.Describe))})",
                created.Account.UserName, created.TemporaryPassword);
            await journeys.SaveAsync(IssuedSecret.Kind, issued, HttpContext.RequestAborted);
            return Redirect(Links.Staff.Admin.Issued("accounts", issued.Id));
        }
        catch (RpcException ex) when (Invalid(ex, Inputs))
        {
        }
        await ListAsync();
        return Page();
    }

    private async Task ListAsync() =>
        Existing.AddRange((await accounts.ListAccountsAsync(new ListAccountsRequest(), Call)).Accounts.OrderBy(a => a.DisplayName.Length > 0 ? a.DisplayName : a.UserName));
}
