using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Identity.Pages.Account;

public sealed class SignInModel(UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn, SignInFlow flow, AuditLog audit) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string ReturnUrl { get; set; } = "";

    public List<(string Field, string Message)> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            Errors.Add(("user-name", "Enter your user name"));
        }
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(("password", "Enter your password"));
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var account = await users.FindByNameAsync(UserName.Trim());
        if (account is null || account.Disabled)
        {
            await audit.RecordAsync(AuditLog.SignInFailed, UserName.Trim(), UserName.Trim(), account is null ? "unknown user name" : "account disabled");
            return Refused();
        }
        var result = await signIn.CheckPasswordSignInAsync(account, Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditLog.LockedOut, account.Id, account.Id);
            return RedirectToPage("/Account/Locked");
        }
        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditLog.SignInFailed, account.Id, account.Id, "wrong password");
            return Refused();
        }
        return await flow.ContinueAsync(HttpContext, account, ReturnUrl);
    }

    private PageResult Refused()
    {
        // The same words whether the name or the password was wrong.
        Errors.Add(("user-name", "The user name or password is incorrect"));
        Password = "";
        return Page();
    }
}
