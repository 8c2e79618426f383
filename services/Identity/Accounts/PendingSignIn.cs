using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ComplaintsPlatform.Identity.Accounts;

/// <summary>
/// Between a correct password and a complete sign-in (choosing a new password, setting up or
/// entering a second factor) the officer holds only this short-lived cookie naming their account.
/// </summary>
public static class PendingSignIn
{
    public const string Scheme = "Identity.Pending";

    public static Task BeginAsync(HttpContext http, string accountId, string returnUrl) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim("account", accountId), new Claim("return", returnUrl)], Scheme)));

    public static async Task<(string AccountId, string ReturnUrl)?> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var account = result.Principal?.FindFirst("account")?.Value;
        return account is null ? null : (account, result.Principal!.FindFirst("return")?.Value ?? "");
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
