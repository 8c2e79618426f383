using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Identity.Pages.Account;

/// <summary>A temporary password from an administrator is replaced before anything else.</summary>
public sealed class NewPasswordModel(UserManager<StaffAccount> users, SignInFlow flow, AuditLog audit) : PageModel
{
    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    public List<(string Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync() =>
        await flow.PendingAccountAsync(HttpContext) is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await flow.PendingAccountAsync(HttpContext);
        if (account is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (Password != Confirm)
        {
            Errors.Add(("confirm", "The passwords do not match"));
            return Page();
        }
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var result = await users.ResetPasswordAsync(account, token, Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => ("password", e.Description)));
            return Page();
        }
        account.MustChangePassword = false;
        await users.UpdateAsync(account);
        await audit.RecordAsync(AuditLog.PasswordChanged, account.Id, account.Id);
        return await flow.ContinueAsync(HttpContext, account, await SignInFlow.PendingReturnAsync(HttpContext));
    }
}
