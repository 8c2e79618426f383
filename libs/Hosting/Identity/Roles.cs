namespace ComplaintsPlatform.Hosting.Identity;

/// <summary>The platform's role names, as they appear in tokens and access rules.</summary>
public static class Roles
{
    public const string Staff = "staff";
    public const string ComplaintsTeam = "complaints_team";
    public const string Handler = "handler";
    public const string LinkOfficer = "link_officer";
    public const string ServiceLead = "service_lead";
    public const string Scrutiny = "scrutiny";

    /// <summary>Manages staff accounts at the platform's identity provider.</summary>
    public const string Administrator = "administrator";

    /// <summary>The council's data protection officer: erasure and rectification requests, legal holds, retention runs.</summary>
    public const string DataProtectionOfficer = "data_protection_officer";

    /// <summary>A platform service calling another as itself (subject <c>service:&lt;name&gt;</c>).</summary>
    public const string Service = "service";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        [Staff, ComplaintsTeam, Handler, LinkOfficer, ServiceLead, Scrutiny, Administrator, DataProtectionOfficer, Service]);
}

/// <summary>Claim names the platform reads from a token.</summary>
public static class Claims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Team = "team";
    public const string Directorate = "directorate";
    public const string Name = "name";
    public const string ServicePrefix = "service:";

    /// <summary>The audience every platform access token carries.</summary>
    public const string PlatformAudience = "complaints-platform";
}
