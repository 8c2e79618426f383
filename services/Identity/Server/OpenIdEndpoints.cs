using System.Security.Claims;
using System.Text.Json;
using ComplaintsPlatform.Hosting.Identity;
using Claims = ComplaintsPlatform.Hosting.Identity.Claims;
using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ComplaintsPlatform.Identity.Server;

/// <summary>The provider's own answers at the OpenID Connect endpoints (the server validates each request first).</summary>
internal static class OpenIdEndpoints
{
    public const string DevClientId = "dev-token";

    public static void MapOpenIdEndpoints(this WebApplication app)
    {
        app.MapMethods("connect/authorize", ["GET", "POST"], (Delegate)Authorize).AllowAnonymous();
        app.MapPost("connect/token", (Delegate)Token).AllowAnonymous();
        app.MapMethods("connect/logout", ["GET", "POST"], (Delegate)Logout).AllowAnonymous();
        app.MapMethods("connect/userinfo", ["GET", "POST"], (Delegate)UserInfo).AllowAnonymous();
    }

    private static async Task<IResult> Authorize(HttpContext http, UserManager<StaffAccount> users, StaffPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = signedIn.Succeeded ? await users.GetUserAsync(signedIn.Principal!) : null;
        if (account is null || account.Disabled)
        {
            return Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(
                    http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList()),
            }, [IdentityConstants.ApplicationScheme]);
        }
        try
        {
            var principal = await principals.ForStaffAsync(account, request.GetScopes(), http.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (DirectoryUnavailableException)
        {
            return Refuse(Errors.TemporarilyUnavailable, "The council directory is unavailable; try again in a few minutes.");
        }
    }

    private static async Task<IResult> Token(
        HttpContext http,
        UserManager<StaffAccount> users,
        SignInManager<StaffAccount> signIn,
        StaffPrincipals principals,
        IdentityServiceOptions settings,
        AuditLog audit,
        IHostEnvironment environment)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        try
        {
            if (request.IsClientCredentialsGrantType())
            {
                return ClientCredentials(request, settings, environment);
            }
            if (request.IsPasswordGrantType())
            {
                return await Password(http, request, users, signIn, principals, settings, audit);
            }
            if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            {
                var previous = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
                var account = await users.FindByIdAsync(previous.Principal?.GetClaim(Claims.Subject) ?? "");
                if (account is null || account.Disabled)
                {
                    // A disabled account's refresh tokens stop working at once.
                    await audit.RecordAsync(AuditLog.TokenRefused, previous.Principal?.GetClaim(Claims.Subject) ?? "", "system", "account disabled or removed");
                    return Refuse(Errors.InvalidGrant, "The account is no longer active.");
                }
                return Results.SignIn(await principals.ForStaffAsync(account, previous.Principal!.GetScopes(), http.RequestAborted),
                    authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }
            return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
        }
        catch (DirectoryUnavailableException)
        {
            return Refuse(Errors.TemporarilyUnavailable, "The council directory is unavailable; try again in a few minutes.");
        }
    }

    private static IResult ClientCredentials(OpenIddictRequest request, IdentityServiceOptions settings, IHostEnvironment environment)
    {
        var clientId = request.ClientId!;
        var scopes = request.GetScopes();
        if (clientId.StartsWith(ClientRegistrations.ServicePrefix, StringComparison.Ordinal))
        {
            // The subject comes from the authenticated client, never from the request: a service can be only itself.
            var service = clientId[ClientRegistrations.ServicePrefix.Length..];
            return SignIn(StaffPrincipals.ForClient(Claims.ServicePrefix + service, service, [Roles.Service], scopes));
        }
        if (settings.ApiClients.TryGetValue(clientId, out var api))
        {
            return SignIn(StaffPrincipals.ForClient("client:" + clientId, clientId, api.Roles.Where(r => r != Roles.Service), scopes));
        }
        if (clientId == DevClientId && environment.IsDevelopment())
        {
            var role = (string?)request["role"] ?? Roles.Staff;
            if (!Roles.All.Contains(role))
            {
                return Refuse(Errors.InvalidRequest, $"Unknown role '{role}'.");
            }
            var subject = (string?)request["sub"] ?? "dev-officer";
            return SignIn(StaffPrincipals.ForClient(subject, (string?)request["name"] ?? subject, [role], scopes,
                (string?)request["team"], (string?)request["directorate"]));
        }
        return Refuse(Errors.UnauthorizedClient, "This client may not use client credentials.");
    }

    private static async Task<IResult> Password(
        HttpContext http, OpenIddictRequest request, UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn,
        StaffPrincipals principals, IdentityServiceOptions settings, AuditLog audit)
    {
        var account = await users.FindByNameAsync(request.Username ?? "");
        if (account is null || account.Disabled)
        {
            await audit.RecordAsync(AuditLog.SignInFailed, request.Username ?? "", request.Username ?? "", "password grant: unknown or disabled account");
            return Refuse(Errors.InvalidGrant, "The user name or password is incorrect.");
        }
        var result = await signIn.CheckPasswordSignInAsync(account, request.Password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditLog.LockedOut, account.Id, account.Id, "password grant");
            return Refuse(Errors.InvalidGrant, "The account is locked; try again later.");
        }
        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditLog.SignInFailed, account.Id, account.Id, "password grant: wrong password");
            return Refuse(Errors.InvalidGrant, "The user name or password is incorrect.");
        }
        if (account.MustChangePassword)
        {
            return Refuse(Errors.InvalidGrant, "The password must be changed at the sign-in page first.");
        }
        var roles = await users.GetRolesAsync(account);
        if (account.TwoFactorEnabled || roles.Any(settings.SecondFactorRoles.Contains))
        {
            var code = (string?)request["otp"];
            if (!account.TwoFactorEnabled)
            {
                return Refuse(Errors.InvalidGrant, "A second factor is required: set it up at the sign-in page first.");
            }
            if (string.IsNullOrEmpty(code) || !await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await audit.RecordAsync(AuditLog.SecondFactorFailed, account.Id, account.Id, "password grant");
                return Refuse(Errors.InvalidGrant, "The second-factor code is missing or wrong.");
            }
        }
        await audit.RecordAsync(AuditLog.SignInSucceeded, account.Id, account.Id, "password grant");
        return SignIn(await principals.ForStaffAsync(account, request.GetScopes(), http.RequestAborted));
    }

    private static async Task<IResult> Logout(HttpContext http, UserManager<StaffAccount> users, AuditLog audit)
    {
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (signedIn.Succeeded && users.GetUserId(signedIn.Principal!) is { } id)
        {
            await audit.RecordAsync(AuditLog.SignedOut, id, id);
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/account/signed-out" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfo(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        return Results.Json(new Dictionary<string, object?>
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.Name] = principal.GetClaim(Claims.Name),
            [Claims.Role] = principal.GetClaims(Claims.Role),
        });
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

}
