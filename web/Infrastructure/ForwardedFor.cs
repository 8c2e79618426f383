namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// Tells the gateway whose request a call serves: the browser's address (as the web's own forwarded
/// headers middleware resolved it) in <c>X-Forwarded-For</c>. The gateway believes it only from its
/// configured proxies, so a public visitor gets a rate-limit bucket of their own rather than sharing
/// the web's; an officer's calls are keyed on their verified token whatever this says.
/// </summary>
public sealed class ForwardedFor(IHttpContextAccessor http) : DelegatingHandler
{
    public const string Header = "X-Forwarded-For";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Remove(Header);
            request.Headers.TryAddWithoutValidation(Header, address.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
