using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Identity.Accounts;
using ComplaintsPlatform.Identity.Data;
using ComplaintsPlatform.Identity.Grpc;
using ComplaintsPlatform.Identity.Keys;
using ComplaintsPlatform.Identity.Server;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ComplaintsPlatform.Identity;

internal static class Extensions
{
    public const string Schema = "identity";
    public const string ConnectionName = "identity-db";

    public static void AddIdentityServices(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Identity").Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(KeyRingPolicy.Default);

        builder.AddServiceDatabase<IdentityDbContext>(ConnectionName, Schema);
        builder.Services.AddDataProtection()
            .SetApplicationName("ComplaintsPlatform.Identity")
            .PersistKeysToDbContext<IdentityDbContext>();

        // The admin RPCs take bearer tokens this provider issued, checked against its own key ring.
        builder.AddPlatformGrpc("complaints.identity.v1.Accounts");
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, LocalTokenValidation>();

        builder.Services.AddIdentityCore<StaffAccount>(o =>
            {
                // Length over composition rules (NCSC password guidance).
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.AddAuthentication()
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            }));
        builder.Services.AddAuthentication().AddCookie(PendingSignIn.Scheme, o =>
        {
            o.Cookie.Name = "identity.pending";
            o.Cookie.HttpOnly = true;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            o.LoginPath = "/account/sign-in";
        });

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(settings.Issuer));
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AllowClientCredentialsFlow();
                o.AllowRefreshTokenFlow();
                if (builder.Environment.IsDevelopment())
                {
                    o.AllowPasswordFlow();
                }
                o.RegisterScopes("openid", "profile", "roles", "offline_access");
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(Math.Min(60, settings.AccessTokenMinutes)));
                o.SetRefreshTokenLifetime(TimeSpan.FromHours(8));
                // Signed, readable JWTs that every service checks against the JWKS.
                o.DisableAccessTokenEncryption();
                // Codes and refresh tokens are opaque to clients: Data Protection, keys in the schema.
                o.UseDataProtection().PreferDefaultAccessTokenFormat();
                o.AddEphemeralEncryptionKey();
                o.AddEventHandler(SignWithActiveKey.Descriptor);
                var aspnet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
                {
                    aspnet.DisableTransportSecurityRequirement();
                }
            });
        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, KeyRingServerOptions>();
        builder.Services.AddHostedService<KeyRingMaintenance>();
        builder.Services.AddHostedService<ClientRegistrations>();
        builder.Services.AddHostedService<FirstAdministrator>();
        // The client registrations and the first administrator each wait for the migrations and then
        // work alone under their own startup lock: started together rather than one after the other,
        // the provider listens sooner (it was the last resource healthy in bench/PlatformBench, ADR 0026).
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);

        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<StaffPrincipals>();
        builder.Services.AddSingleton<OfficerDirectory>();
        builder.Services.AddScoped<Pages.Account.SignInFlow>();
        builder.Services.AddRazorPages();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the gateway, on this host by default, may say where a request came from.
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
    }

    public static WebApplication UseIdentityPipeline(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IdentityServiceOptions>();
        app.UseForwardedHeaders();
        app.UsePathBase(settings.PathBase);
        app.UseStaticFiles();
        app.UseRouting();
        return app;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        app.MapPlatformEndpoints();
        app.MapRazorPages().AllowAnonymous();
        app.MapOpenIdEndpoints();
        app.MapGrpcService<AccountsService>();
        return app;
    }
}
