using Microsoft.AspNetCore.Identity;

namespace ComplaintsPlatform.Identity.Data;

/// <summary>
/// A council officer's sign-in. Its id is the officer's id in the council directory, which is the
/// <c>sub</c> of every token they get; team and directorate come from the directory at sign-in.
/// </summary>
public sealed class StaffAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool Disabled { get; set; }

    /// <summary>Set by an administrator's create or reset: the officer must choose a password at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>One audited event: a sign-in, a second factor, a lockout, an account or role change. Never a password, token or secret.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The account concerned (officer id), or the attempted user name when no account matched.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Who acted: the officer themself, an administrator's id, or <c>system</c>.</summary>
    public string Actor { get; set; } = "";

    public string Detail { get; set; } = "";

    public string? ClientAddress { get; set; }
}

/// <summary>A token-signing key: published in the JWKS from creation, signing from activation, published until retirement.</summary>
public sealed class SigningKey
{
    public string Id { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ActivatesAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset RetiresAt { get; set; }

    /// <summary>The private key (PKCS#8), protected with ASP.NET Core Data Protection.</summary>
    public string ProtectedKey { get; set; } = "";
}
