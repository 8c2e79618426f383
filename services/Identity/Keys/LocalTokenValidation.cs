using ComplaintsPlatform.Hosting.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Identity.Keys;

/// <summary>The provider checks tokens for its own admin RPCs against its key ring, not over HTTP to itself.</summary>
internal sealed class LocalTokenValidation(SigningKeyStore store, IdentityServiceOptions settings) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        options.Authority = null;
        options.MetadataAddress = null!;
        options.ConfigurationManager = null;
        options.TokenValidationParameters.ValidIssuer = settings.Issuer;
        options.TokenValidationParameters.ValidAudience = Claims.PlatformAudience;
        options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => store.PublishedKeys();
    }
}
