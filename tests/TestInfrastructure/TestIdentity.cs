using ComplaintsPlatform.Hosting.Identity;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>The identity settings services get in tests, and tokens signed with them.</summary>
public static class TestIdentity
{
    public static readonly IdentityOptions Options = new()
    {
        Issuer = "complaints-platform-tests",
        Audience = "complaints-platform",
        SigningKey = "tests-only-signing-key-0123456789abcdef",
    };

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Identity:Issuer"] = Options.Issuer,
        ["Identity:Audience"] = Options.Audience,
        ["Identity:SigningKey"] = Options.SigningKey,
    };

    public static string Token(string role, string subject = "officer-1", string? team = null, string? directorate = null) =>
        TokenIssuer.Issue(Options, subject, [role], team, directorate);

    public static string ServiceToken(string serviceName) =>
        TokenIssuer.Issue(Options, Claims.ServicePrefix + serviceName, [Roles.Service]);
}
