using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Identity.Pages.Account;

/// <summary>Administrators and the complaints team must set up an authenticator app before their first sign-in completes.</summary>
public sealed class SetUpSecondFactorModel(UserManager<StaffAccount> users, SignInFlow flow, AuditLog audit) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await flow.PendingAccountAsync(HttpContext);
        if (account is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        await LoadKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await flow.PendingAccountAsync(HttpContext);
        if (account is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        var code = new string(Code.Where(char.IsDigit).ToArray());
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            await audit.RecordAsync(AuditLog.SecondFactorFailed, account.Id, account.Id, "set-up");
            Errors.Add(("code", "Enter the 6-digit code your authenticator app shows for this account"));
            Code = "";
            await LoadKeyAsync(account);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, true);
        await audit.RecordAsync(AuditLog.SecondFactorEnabled, account.Id, account.Id);
        return await flow.ContinueAsync(HttpContext, account, await SignInFlow.PendingReturnAsync(HttpContext), secondFactorDone: true);
    }

    private async Task LoadKeyAsync(StaffAccount account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }
        SharedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Council complaints")}:{Uri.EscapeDataString(account.UserName ?? account.Id)}?secret={key}&issuer={Uri.EscapeDataString("Council complaints")}&digits=6";
    }
}
