using System.Security.Claims;
using ComplaintsPlatform.Hosting.Identity;
using Claims = ComplaintsPlatform.Hosting.Identity.Claims;
using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ComplaintsPlatform.Identity.Server;

/// <summary>
/// The claims a token carries: <c>sub</c>, <c>name</c>, one <c>role</c> per role, <c>team</c> and
/// <c>directorate</c> from the council directory. Each claim is given its destination, or the
/// token server would leave it out.
/// </summary>
public sealed class StaffPrincipals(UserManager<StaffAccount> users, OfficerDirectory directory)
{
    public async Task<ClaimsPrincipal> ForStaffAsync(StaffAccount account, IEnumerable<string> scopes, CancellationToken ct)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, account.Id);
        var officer = await directory.FindAsync(account.Id, ct);
        identity.SetClaim(Claims.Name, officer?.Name ?? account.DisplayName);
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(account)]);
        if (officer is not null)
        {
            identity.SetClaims(Claims.Team, [.. officer.Teams]);
            identity.SetClaims(Claims.Directorate, [.. officer.Directorates]);
        }
        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(string subject, string name, IEnumerable<string> roles, IEnumerable<string> scopes,
        string? team = null, string? directorate = null)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(Claims.Name, name);
        identity.SetClaims(Claims.Role, [.. roles]);
        if (!string.IsNullOrEmpty(team))
        {
            identity.SetClaim(Claims.Team, team);
        }
        if (!string.IsNullOrEmpty(directorate))
        {
            identity.SetClaim(Claims.Directorate, directorate);
        }
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() => new(
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(Claims.PlatformAudience);
                identity.SetDestinations(claim => claim.Type switch
        {
            // The web workspace shows who is signed in and their roles from the identity token.
            Claims.Subject or Claims.Name or Claims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Team or Claims.Directorate => [Destinations.AccessToken],
            _ => [],
        });
        return principal;
    }
}
