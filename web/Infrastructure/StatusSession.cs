using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// The person's reference and status token, held in a short-lived cookie once the link from their
/// email has been opened, so the token leaves the address bar. HttpOnly, Secure over https,
/// SameSite=Strict, encrypted and signed with Data Protection: a changed cookie is no cookie at all.
/// </summary>
public sealed class StatusSession(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "complaint-status";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ComplaintsPlatform.Web.StatusSession.v1").ToTimeLimitedDataProtector();

    public void Start(HttpContext http, string reference, string token)
    {
        var payload = JsonSerializer.Serialize(new Held(reference, token));
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload, clock.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = Links.Status.Index,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public (string Reference, string Token)? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            var held = JsonSerializer.Deserialize<Held>(_protector.Unprotect(value));
            return held is { Reference.Length: > 0, Token.Length: > 0 } ? (held.Reference, held.Token) : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = Links.Status.Index });

    private sealed record Held(string Reference, string Token);
}
