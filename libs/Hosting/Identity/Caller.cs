using System.Security.Claims;
using Grpc.Core;

namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>Who is calling, as the token says: the officer, their roles, team and directorate, or a platform service.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Roles, string? Team, string? Directorate)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirst(Claims.Subject)?.Value ?? "",
        user.FindAll(Claims.Role).Select(c => c.Value).ToHashSet(),
        user.FindFirst(Claims.Team)?.Value,
        user.FindFirst(Claims.Directorate)?.Value);

    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

    public bool IsAuthenticated => Subject.Length > 0;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAnyOf(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>The calling service's name when a platform service calls as itself, else null.</summary>
    public string? ServiceName =>
        IsInRole(Identity.Roles.Service) && Subject.StartsWith(Claims.ServicePrefix, StringComparison.Ordinal)
            ? Subject[Claims.ServicePrefix.Length..]
            : null;
}
