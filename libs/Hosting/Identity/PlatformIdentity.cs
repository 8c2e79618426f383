using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.Hosting.Identity;

public static class PlatformIdentity
{
    /// <summary>
    /// Every service authenticates every call itself (the gateway only passes the token through):
    /// signed JWT access tokens from the OpenID provider, checked against its published keys;
    /// roles from the configured claim; anonymous refused unless an endpoint says otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformTokenValidation();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient();
        builder.Services.TryAddSingleton<IServiceTokenSource, ProviderServiceTokens>();
        builder.Services.AddTransient<ServiceTokenHandler>();
        return builder;
    }

    /// <summary>
    /// Validation of the provider's access tokens alone, with no policy that demands one: the gateway
    /// uses it to tell a verified caller from a claimed one, exactly as the services would.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformTokenValidation(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.TryAddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ValidatedTokens>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt => Configure(jwt, options, builder.Environment));
        return builder;
    }

    internal static void Configure(JwtBearerOptions jwt, IdentityOptions options, IHostEnvironment environment)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata || !environment.IsDevelopment();
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer ?? options.Authority,
            ValidAudience = options.Audience,
            NameClaimType = Claims.Subject,
            RoleClaimType = Claims.Role,
            ClockSkew = TimeSpan.FromSeconds(30),
            // Asymmetric signatures only: an HS256 token (the old shared key) or alg "none" never validates.
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        };
        if (!string.IsNullOrEmpty(options.IssuerPublicKey))
        {
            jwt.TokenValidationParameters.IssuerSigningKey = PublicKey(options.IssuerPublicKey);
            jwt.TokenValidationParameters.ValidIssuer ??= options.Issuer;
        }
        else if (!string.IsNullOrEmpty(options.Authority))
        {
            jwt.Authority = options.Authority;
        }
        else
        {
            throw new InvalidOperationException("Configure Identity:Authority (the OpenID provider's issuer URL).");
        }
        jwt.Events = new JwtBearerEvents
        {
            // A token that validated before is not checked again (ValidatedTokens): same bytes, same answer.
            OnMessageReceived = context =>
            {
                if (Bearer(context.Request.Headers.Authorization.ToString()) is { } token
                    && context.HttpContext.RequestServices.GetService<ValidatedTokens>()?.Find(token) is { } known)
                {
                    context.Principal = known;
                    context.Success();
                }
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var principal = context.Principal!;
                if (string.IsNullOrWhiteSpace(principal.FindFirst(Claims.Subject)?.Value))
                {
                    context.Fail("The token has no subject.");
                    return Task.CompletedTask;
                }
                if (options.RoleClaim != Claims.Role && principal.Identity is ClaimsIdentity identity)
                {
                    foreach (var role in principal.FindAll(options.RoleClaim).ToList())
                    {
                        identity.AddClaim(new Claim(Claims.Role, role.Value));
                    }
                }
                if (Bearer(context.Request.Headers.Authorization.ToString()) is { } token
                    && context.HttpContext.RequestServices.GetService<ValidatedTokens>() is { } tokens)
                {
                    tokens.Remember(token, principal, new DateTimeOffset(context.SecurityToken.ValidTo, TimeSpan.Zero));
                }
                return Task.CompletedTask;
            },
        };
    }

    private static string? Bearer(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;

    private static SecurityKey PublicKey(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (ArgumentException)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
    }
}
