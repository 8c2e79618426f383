using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Identity.Pages.Account;

/// <summary>What an officer must do after a correct password, in order: choose a new password, set up or enter a second factor, and only then be signed in.</summary>
public sealed class SignInFlow(
    UserManager<StaffAccount> users,
    SignInManager<StaffAccount> signIn,
    IdentityServiceOptions settings,
    AuditLog audit)
{
    public async Task<IActionResult> ContinueAsync(HttpContext http, StaffAccount account, string returnUrl, bool secondFactorDone = false)
    {
        if (account.MustChangePassword)
        {
            await PendingSignIn.BeginAsync(http, account.Id, returnUrl);
            return new RedirectToPageResult("/Account/NewPassword");
        }
        var roles = await users.GetRolesAsync(account);
        if (!secondFactorDone && account.TwoFactorEnabled)
        {
            await PendingSignIn.BeginAsync(http, account.Id, returnUrl);
            return new RedirectToPageResult("/Account/SecondFactor");
        }
        if (!secondFactorDone && roles.Any(settings.SecondFactorRoles.Contains))
        {
            await PendingSignIn.BeginAsync(http, account.Id, returnUrl);
            return new RedirectToPageResult("/Account/SetUpSecondFactor");
        }
        await PendingSignIn.EndAsync(http);
        await signIn.SignInAsync(account, isPersistent: false);
        await audit.RecordAsync(AuditLog.SignInSucceeded, account.Id, account.Id, secondFactorDone ? "with second factor" : "");
        return new LocalRedirectResult(SafeReturn(returnUrl, http));
    }

    public async Task<StaffAccount?> PendingAccountAsync(HttpContext http) =>
        await PendingSignIn.ReadAsync(http) is { } pending && await users.FindByIdAsync(pending.AccountId) is { Disabled: false } account
            ? account
            : null;

    public static async Task<string> PendingReturnAsync(HttpContext http) =>
        (await PendingSignIn.ReadAsync(http))?.ReturnUrl ?? "";

    private static string SafeReturn(string returnUrl, HttpContext http) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : http.Request.PathBase + "/account/signed-in";
}
