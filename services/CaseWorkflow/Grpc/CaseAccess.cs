using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.Hosting.Identity;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// Who may read and change a case, by role: the complaints team everything; a handler the
/// cases allocated to them or their team; a link officer reads the cases behind Ombudsman matters;
/// a service lead reads their directorate's.
/// Each answer is the role the caller acts in, or null when refused.
/// </summary>
internal static class CaseAccess
{
    /// <summary>The roles that read some cases (which ones, <see cref="ReadRole"/> says).</summary>
    public const string Readers = $"{Roles.ComplaintsTeam},{Roles.Handler},{Roles.ServiceLead},{Roles.LinkOfficer}";

    private static readonly string[] s_precedence = [Roles.ComplaintsTeam, Roles.Handler, Roles.ServiceLead, Roles.LinkOfficer];

    public static string? ReadRole(Caller caller, CaseRecord c) =>
        s_precedence.FirstOrDefault(role => caller.IsInRole(role) && role switch
        {
            Roles.ComplaintsTeam => true,
            Roles.LinkOfficer => c.BehindOmbudsmanMatter,
            Roles.Handler => IsAllocatedTo(caller, c),
            Roles.ServiceLead => caller.Directorate is { Length: > 0 } d && c.DirectorateId == d,
            _ => false,
        });

    /// <summary>Changes: the complaints team, and handlers on their own cases, where the action allows them.</summary>
    public static string? ChangeRole(Caller caller, CaseRecord c, IReadOnlyCollection<string> allowed) =>
        s_precedence.FirstOrDefault(role => caller.IsInRole(role) && allowed.Contains(role) && role switch
        {
            Roles.ComplaintsTeam => true,
            Roles.Handler => IsAllocatedTo(caller, c),
            // Reviewing lessons is the one change a service lead makes, within their own directorate.
            Roles.ServiceLead => caller.Directorate is { Length: > 0 } d && c.DirectorateId == d,
            _ => false,
        });

    /// <summary>The role to record for a refusal.</summary>
    public static string AttemptedRole(Caller caller) =>
        s_precedence.FirstOrDefault(caller.IsInRole) ?? caller.Roles.FirstOrDefault() ?? "";

    private static bool IsAllocatedTo(Caller caller, CaseRecord c) =>
        (c.HandlerId.Length > 0 && c.HandlerId == caller.Subject) || (caller.Team is { Length: > 0 } team && c.TeamId == team);
}
