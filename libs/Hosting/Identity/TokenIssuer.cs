using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>Signs tokens with the platform's own key: the dev-token command, tests, and service self-tokens in local mode.</summary>
public static class TokenIssuer
{
    public static SymmetricSecurityKey Key(string signingKey) =>
        signingKey.Length >= 32
            ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey))
            : throw new InvalidOperationException("Identity:SigningKey must be at least 32 characters.");

    public static string Issue(
        IdentityOptions options,
        string subject,
        IEnumerable<string> roles,
        string? team = null,
        string? directorate = null,
        TimeSpan? lifetime = null)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            throw new InvalidOperationException("Identity:SigningKey is not configured; tokens come from the OpenID provider.");
        }
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
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(Key(options.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
