namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>
/// Configuration section <c>Identity</c>. With <see cref="Authority"/> set, tokens come from that
/// OpenID provider (e.g. Entra ID) and are checked against its published keys; without it, the
/// platform's own <see cref="SigningKey"/> signs and checks tokens (local use and tests).
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public string Issuer { get; set; } = "complaints-platform";

    public string Audience { get; set; } = "complaints-platform";

    public string? Authority { get; set; }

    /// <summary>HMAC key (at least 32 characters) for locally issued tokens.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The name this service calls others as (subject <c>service:&lt;name&gt;</c>), e.g. <c>ombudsman</c>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>This service's client credentials at the OpenID provider (Authority mode).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Scope { get; set; }
}
