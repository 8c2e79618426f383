using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Identity.Pages.Account;

public sealed class SecondFactorModel(UserManager<StaffAccount> users, SignInFlow flow, AuditLog audit) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await flow.PendingAccountAsync(HttpContext) is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await flow.PendingAccountAsync(HttpContext);
        if (account is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (await users.IsLockedOutAsync(account))
        {
            await audit.RecordAsync(AuditLog.LockedOut, account.Id, account.Id, "second factor");
            return RedirectToPage("/Account/Locked");
        }
        var code = new string(Code.Where(char.IsDigit).ToArray());
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await users.AccessFailedAsync(account);
            await audit.RecordAsync(AuditLog.SecondFactorFailed, account.Id, account.Id);
            Errors.Add(("code", "Enter the 6-digit code your authenticator app shows now"));
            Code = "";
            return Page();
        }
        await users.ResetAccessFailedCountAsync(account);
        await audit.RecordAsync(AuditLog.SecondFactorSucceeded, account.Id, account.Id);
        return await flow.ContinueAsync(HttpContext, account, await SignInFlow.PendingReturnAsync(HttpContext), secondFactorDone: true);
    }
}
