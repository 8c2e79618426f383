namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>
/// Configuration section <c>Identity</c>. Tokens come from an OpenID Connect provider (the platform's
/// own, or e.g. Entra ID) named by <see cref="Authority"/>; services check them against the keys its
/// discovery document publishes and hold no signing key. <see cref="IssuerPublicKey"/> instead trusts
/// one fixed public key (tests, or an issuer without discovery).
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The provider's issuer URL, e.g. <c>https://complaints.example.gov.uk/identity/</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>iss</c> tokens must carry; by default the authority.</summary>
    public string? Issuer { get; set; }

    public string Audience { get; set; } = Claims.PlatformAudience;

    /// <summary>A PEM public key (RSA or EC) trusted instead of discovery.</summary>
    public string? IssuerPublicKey { get; set; }

    /// <summary>The claim that carries roles: <c>role</c> here, <c>roles</c> from Entra ID.</summary>
    public string RoleClaim { get; set; } = Claims.Role;

    /// <summary>Whether Development insists on HTTPS metadata too (the local platform is plain HTTP); outside Development it is always required.</summary>
    public bool RequireHttpsMetadata { get; set; }

    /// <summary>The name this service calls others as (subject <c>service:&lt;name&gt;</c>), e.g. <c>ombudsman</c>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>This service's client credentials at the provider.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scope asked for with client credentials (Entra ID wants <c>api://…/.default</c>); none by default.</summary>
    public string? Scope { get; set; }
}
