using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>
/// Officers sign in at the platform's OpenID provider (authorization code + PKCE, confidential client),
/// configured by section <c>Web:Oidc</c>: <c>Authority</c>, <c>ClientId</c> (default <c>web</c>),
/// <c>ClientSecret</c>, <c>SessionMinutes</c> (default 30). Without an authority the web still starts and
/// the staff pages say sign-in is unavailable.
/// </summary>
public static class StaffSignIn
{
    public const string Policy = "officer";
    public const string CookieScheme = "staff";
    public const string OidcScheme = "oidc";

    /// <summary>The roles that have staff pages; any other signed-in role sees "you do not have access".</summary>
    public static readonly string[] RolesWithPages = ["complaints_team", "handler", "link_officer", "service_lead", "staff", "data_protection_officer", "scrutiny", "administrator"];

    /// <summary>The roles that read reports (Reporting decides what each sees: scrutiny the suppressed public view).</summary>
    public static readonly string[] ReportRoles = ["complaints_team", "service_lead", "scrutiny"];

    /// <summary>The roles that work on cases (the queues and the case pages).</summary>
    public static readonly string[] CaseRoles = ["complaints_team", "handler", "link_officer", "service_lead"];

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["Web:Oidc:Authority"]);

    public static TimeSpan SessionLength(IConfiguration configuration) =>
        TimeSpan.FromMinutes(configuration.GetValue("Web:Oidc:SessionMinutes", 30));

    public static void AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var enabled = IsEnabled(configuration);
        var auth = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieScheme;
            o.DefaultChallengeScheme = enabled ? OidcScheme : CookieScheme;
        });
        auth.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "complaints-staff";
            o.Cookie.Path = Links.Staff.Home;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // A fixed session, so the time shown to the officer is the time it ends (WCAG 2.2.1).
            o.ExpireTimeSpan = SessionLength(configuration);
            o.SlidingExpiration = false;
            o.LoginPath = enabled ? Links.Staff.SignIn : Links.Staff.Unavailable;
            o.AccessDeniedPath = Links.Staff.NoAccess;
            o.ReturnUrlParameter = "returnUrl";
        });
        if (enabled)
        {
            auth.AddOpenIdConnect(OidcScheme, o => ConfigureOidc(o, configuration));
        }
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireRole(RolesWithPages));
        builder.Services.AddHttpClient(nameof(StaffTokens));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<StaffTokens>();
    }

    public static void Protect(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Staff", Policy);
        foreach (var open in new[] { "/Staff/SignIn", "/Staff/SignOut", "/Staff/SignedOut", "/Staff/NoAccess", "/Staff/Unavailable" })
        {
            conventions.AllowAnonymousToPage(open);
        }
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, IConfiguration configuration)
    {
        var authority = configuration["Web:Oidc:Authority"]!;
        o.SignInScheme = CookieScheme;
        o.Authority = authority;
        o.RequireHttpsMetadata = authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        o.ClientId = configuration["Web:Oidc:ClientId"] ?? "web";
        o.ClientSecret = configuration["Web:Oidc:ClientSecret"];
        o.ResponseType = OpenIdConnectResponseType.Code;
        // Back to us by a top-level GET, so the Lax correlation cookies travel on plain http too.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.CallbackPath = Links.Staff.SignInCallback;
        o.SignedOutCallbackPath = Links.Staff.SignOutCallback;
        o.SignedOutRedirectUri = Links.Staff.SignedOut;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "roles", "offline_access" })
        {
            o.Scope.Add(scope);
        }
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = "role";
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Path = Links.Staff.Home;
        }
        o.Events.OnTokenValidated = context =>
        {
            // The platform's roles, team and directorate are access-token claims (what the services check).
            if (context.TokenEndpointResponse?.AccessToken is { } accessToken && context.Principal?.Identity is ClaimsIdentity identity
                && new JwtSecurityTokenHandler().CanReadToken(accessToken))
            {
                var token = new JwtSecurityTokenHandler().ReadJwtToken(accessToken);
                foreach (var type in new[] { "role", "team", "directorate", "name" })
                {
                    foreach (var claim in token.Claims.Where(c => c.Type == type && !identity.HasClaim(type, c.Value)))
                    {
                        identity.AddClaim(new Claim(type, claim.Value));
                    }
                }
            }
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect(Links.Staff.Unavailable + "?failed=true");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
