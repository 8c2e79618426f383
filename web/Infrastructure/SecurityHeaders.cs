using System.Security.Cryptography;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// Headers on every response: a Content-Security-Policy whose only script is ours (files from this
/// site, and inline script only with this response's nonce), no framing, no MIME sniffing, and no
/// full address sent to other sites. HSTS is added by UseHsts outside Development.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    private const string StyleHashKey = "csp-style-hash";

    public static string CspNonce(this HttpContext http) => (string)http.Items[NonceKey]!;

    /// <summary>
    /// Lets this response's one inline style element (a standalone document's, e.g. a committee paper
    /// Reporting built) apply, by its SHA-256 hash; nothing else inline is allowed.
    /// </summary>
    public static void AllowInlineStyle(this HttpContext http, string css) =>
        http.Items[StyleHashKey] = $" 'sha256-{Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)))}'";

    private const string StandaloneKey = "csp-standalone-document";

    /// <summary>
    /// This response is a stored standalone document (a letter or an email as it was sent): its own
    /// inline styles (print layout, large print) apply, and it can do nothing else: no script at all,
    /// nothing fetched, no form, never framed.
    /// </summary>
    public static void ServeAsStandaloneDocument(this HttpContext http) => http.Items[StandaloneKey] = true;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var formTargets = app.ApplicationServices.GetRequiredService<IConfiguration>()["Web:Oidc:Authority"] is { Length: > 0 } authority
            && Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            ? $" {uri.GetLeftPart(UriPartial.Authority)}"
            : "";
        return app.Use(async (http, next) =>
        {
            // Hex digits are base64 characters too, and need no escaping in HTML.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Items.ContainsKey(StandaloneKey)
                    ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
                    : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'{http.Items[StyleHashKey] as string}; img-src 'self' data:; font-src 'self'; " +
                    // Sign-in and sign-out continue at the identity provider after our own form posts.
                    $"connect-src 'self'; form-action 'self'{formTargets}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(http);
        });
    }
}
