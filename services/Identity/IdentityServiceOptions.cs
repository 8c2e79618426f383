namespace ComplaintsPlatform.Identity;

/// <summary>Configuration section <c>Identity</c> as the provider reads it.</summary>
public sealed class IdentityServiceOptions
{
    /// <summary>The public issuer URL, e.g. <c>http://localhost:8080/identity/</c> through the gateway.</summary>
    public string Issuer { get; set; } = "http://localhost:8080/identity/";

    /// <summary>The path this provider is served under at the gateway.</summary>
    public string PathBase { get; set; } = "/identity";

    public int AccessTokenMinutes { get; set; } = 30;

    /// <summary>Each platform service's client secret, by service name (client id <c>service-&lt;name&gt;</c>, subject <c>service:&lt;name&gt;</c>).</summary>
    public Dictionary<string, string> ServiceClients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Clients of the API (reporting consumers, benchmarks) by client id: a secret and the roles they act with.</summary>
    public Dictionary<string, ApiClient> ApiClients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The staff web workspace: authorization code + PKCE, refresh tokens.</summary>
    public WebClient? WebClient { get; set; }

    /// <summary>Development only: the dev-token command's client, which may ask for any role.</summary>
    public string? DevClientSecret { get; set; }

    /// <summary>The first administrator, created on first run when no administrator exists.</summary>
    public string? BootstrapAdministratorPassword { get; set; }

    /// <summary>CaseWorkflow's gRPC address for the council directory (officers' teams and directorates).</summary>
    public string? DirectoryAddress { get; set; }

    /// <summary>Roles that must use a second factor: the ones that manage accounts, decide complaints or decide what personal data is kept.</summary>
    public string[] SecondFactorRoles { get; set; } = ["administrator", "complaints_team", "data_protection_officer"];

    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}

public sealed class ApiClient
{
    public string Secret { get; set; } = "";

    public string[] Roles { get; set; } = [];
}

public sealed class WebClient
{
    public string ClientId { get; set; } = "web";

    public string Secret { get; set; } = "";

    public string[] RedirectUris { get; set; } = [];

    public string[] PostLogoutRedirectUris { get; set; } = [];
}
