using System.Security.Claims;
using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// The identity settings services get in tests: they trust the public half of an RSA key that
/// exists only in this test process, and tokens are signed with its private half.
/// </summary>
public static class TestIdentity
{
    public const string Issuer = "https://identity.tests.invalid/";

    private static readonly RSA s_key = RSA.Create(2048);

    public static readonly RsaSecurityKey SigningKey = new(s_key) { KeyId = "tests" };

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Identity:Issuer"] = Issuer,
        ["Identity:Audience"] = Claims.PlatformAudience,
        ["Identity:IssuerPublicKey"] = s_key.ExportSubjectPublicKeyInfoPem(),
    };

    public static string Token(string role, string subject = "officer-1", string? team = null, string? directorate = null) =>
        Issue(subject, [role], team, directorate);

    public static string ServiceToken(string serviceName) =>
        Issue(Claims.ServicePrefix + serviceName, [Roles.Service]);

    /// <summary>A token as the provider would issue it; every part can be varied to prove what is refused.</summary>
    public static string Issue(
        string subject,
        IEnumerable<string> roles,
        string? team = null,
        string? directorate = null,
        TimeSpan? lifetime = null,
        string issuer = Issuer,
        string audience = Claims.PlatformAudience,
        SigningCredentials? signing = null)
    {
        var claims = new List<Claim> { new(Claims.Subject, subject) };
        claims.AddRange(roles.Select(r => new Claim(Claims.Role, r)));
        if (!string.IsNullOrEmpty(team))
        {
            claims.Add(new Claim(Claims.Team, team));
        }
        if (!string.IsNullOrEmpty(directorate))
        {
            claims.Add(new Claim(Claims.Directorate, directorate));
        }
        var now = DateTime.UtcNow;
        var expires = now.Add(lifetime ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now.AddSeconds(-5),
            Expires = expires,
            SigningCredentials = signing ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}

/// <summary>A service under test calls others with a token signed by the test key, as itself.</summary>
public sealed class TestServiceTokens(IHostEnvironment environment) : IServiceTokenSource
{
    private readonly string _name = environment.ApplicationName.Replace("ComplaintsPlatform.", "").ToLowerInvariant();

    public Task<string> GetAsync(CancellationToken ct) => Task.FromResult(TestIdentity.ServiceToken(_name));
}
