using ComplaintsPlatform.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder);

var infrastructure = settings.Mode == InfrastructureMode.Local
    ? LocalProcesses.Add(builder, settings)
    : Containers.Add(builder);
var databases = ServiceDatabases.Add(builder, infrastructure);
var secrets = infrastructure.Secrets;

// The gateway is the platform's one public address: browsers, API clients and the identity
// provider's issuer URL all go through it. It needs no backend to start.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithFixedPort("http", settings.GatewayHttpPort, settings.Replicas)
    .WithFixedPort("grpc", settings.GatewayGrpcPort, settings.Replicas)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithDashboardTelemetry()
    .WithQuickStart(smallHeap: false);
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/identity/");
// The gateway validates tokens as the services do (a verified subject earns its own rate-limit
// bucket) and shares its buckets with other replicas in Redis; it starts without either.
gateway
    .WithEnvironment("Identity__Authority", issuer)
    .WithReference(infrastructure.Redis)
    // Aspire turns on "trust every X-Forwarded-For"; the gateway trusts only Gateway:TrustedProxies.
    .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "false");

// Each platform service signs in to the provider as itself (subject service:<principal>).
IResourceBuilder<ProjectResource> Service<TProject>(string name, string connectionName, string principal)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(databases[connectionName])
        .WithReference(infrastructure.Redis)
        .WithEnvironment("Identity__Authority", issuer)
        .WithEnvironment("Identity__ClientId", "service-" + principal)
        .WithEnvironment("Identity__ClientSecret", secrets.Get($"{principal}-client-secret"))
        .WaitFor(infrastructure.Postgres)
        .WaitFor(infrastructure.RedisServer)
        .WithHttpHealthCheck("/health", endpointName: "http")
        .WithDashboardTelemetry()
        .WithQuickStart();

var principals = new[] { "intake", "caseworkflow", "ombudsman", "compliments", "reporting" };
var intake = Service<Projects.Intake>("intake", "intake-db", "intake")
    .WithEnvironment("Intake__StatusTokenKey", secrets.StatusTokenKey())
    // A receipt email links to the person's status through the gateway.
    .WithEnvironment("Intake__PublicBaseUrl", gateway.GetEndpoint("http"));
var caseWorkflow = Service<Projects.CaseWorkflow>("case-workflow", "case-workflow-db", "caseworkflow");
var ombudsman = Service<Projects.OmbudsmanLiaison>("ombudsman-liaison", "ombudsman-liaison-db", "ombudsman");
var compliments = Service<Projects.Compliments>("compliments", "compliments-db", "compliments");
var reporting = Service<Projects.Reporting>("reporting", "reporting-db", "reporting");

// The real graph: an edge where a service calls another or reads its feed (no WaitFor: a consumer
// retries until its source is up).
intake
    .WithReference(caseWorkflow)   // case events, configuration and letters' words; CaseInternal, CouncilDirectory
    .WithReference(compliments)    // compliments sent back to triage
    .WithReference(ombudsman);     // Ombudsman enquiries about contacts
caseWorkflow
    .WithReference(intake)         // triaged complaints become cases
    .WithReference(ombudsman);     // enquiries mark the cases behind Ombudsman matters
ombudsman
    .WithReference(caseWorkflow);  // case events; CaseLookup to link an enquiry to its case
compliments
    .WithReference(intake)         // compliments triaged from contacts
    .WithReference(caseWorkflow);  // the council's organisation
reporting
    .WithReference(intake)         // every feed, counted
    .WithReference(caseWorkflow)
    .WithReference(ombudsman)
    .WithReference(compliments);

// Intake's letters and emails land in a local inbox (smtp4dev), linked from the dashboard.
var mail = MailServer.Add(builder, settings.Mode);
intake.WithMailServer(mail);

// The OpenID Connect provider: staff accounts, the services' clients, the signing keys. It reads
// officers' teams and directorates from CaseWorkflow's directory, the one register of officers.
var adminPassword = secrets.Get("identity-admin-password");
var identity = builder.AddProject<Projects.Identity>("identity")
    .WithReference(databases["identity-db"])
    .WithReference(caseWorkflow)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__Authority", issuer)
    .WithEnvironment("Identity__DirectoryAddress", caseWorkflow.GetEndpoint("grpc"))
    .WithEnvironment("Identity__BootstrapAdministratorPassword", adminPassword)
    .WithEnvironment("Identity__DevClientSecret", secrets.Get("dev-token-client-secret"))
    .WaitFor(infrastructure.Postgres)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithDashboardTelemetry()
    .WithQuickStart();
foreach (var principal in principals)
{
    identity.WithEnvironment($"Identity__ServiceClients__{principal}", secrets.Get($"{principal}-client-secret"));
}
if (secrets.MadeNow("identity-admin-password") && builder.ExecutionContext.IsRunMode)
{
    // Printed once, like the dashboard's login link: the administrator must change it at first sign-in.
    Console.WriteLine($"First administrator: user name 'administrator', password '{await adminPassword.Resource.GetValueAsync(default)}' " +
        "(shown this once; change it and set up a second factor at first sign-in).");
}

IResourceBuilder<ProjectResource>[] routed = [intake, caseWorkflow, ombudsman, compliments, reporting, identity];
foreach (var service in routed)
{
    gateway.WithReference(service);
}
foreach (var service in new[] { intake, caseWorkflow, ombudsman, compliments, reporting })
{
    // Tokens come from the provider, through the gateway's public issuer address.
    service.WithReferenceRelationship(identity);
}

// The public and staff pages. They call the services only through the gateway, as any API client
// does (the public with no token at all, officers with their own); staff sign in at the provider.
// Browsers reach them through the gateway's catch-all route, and the gateway believes the web's
// X-Forwarded-For (the browser's address) for its per-client limits.
var webSecret = secrets.Get("web-client-secret");
var web = builder.AddProject<Projects.Web>("web")
    .WithReference(gateway)
    .WithReference(infrastructure.Redis)
    .WithEnvironment("Web__Oidc__Authority", issuer)
    .WithEnvironment("Web__Oidc__ClientId", "web")
    .WithEnvironment("Web__Oidc__ClientSecret", webSecret)
    .WithReferenceRelationship(identity)
    .WaitFor(infrastructure.RedisServer)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithDashboardTelemetry()
    .WithQuickStart();
identity
    .WithEnvironment("Identity__WebClient__ClientId", "web")
    .WithEnvironment("Identity__WebClient__Secret", webSecret)
    .WithEnvironment("Identity__WebClient__RedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/staff/signin-oidc"))
    .WithEnvironment("Identity__WebClient__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/staff/signout-callback-oidc"));
gateway.WithReference(web);
if (builder.ExecutionContext.IsRunMode)
{
    // Here the web and the gateway share this machine's loopback; a deployment names its own networks.
    gateway
        .WithEnvironment("Gateway__TrustedProxies__0", "127.0.0.1")
        .WithEnvironment("Gateway__TrustedProxies__1", "::1");
}

// Clients ("sub:<token subject>" or "key:<api key>") exempt from the gateway's per-client rate limit, e.g. a benchmark.
var exempt = (builder.Configuration["ComplaintsPlatform:RateLimitExempt"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
for (var i = 0; i < exempt.Length; i++)
{
    gateway.WithEnvironment($"Gateway__RateLimit__Exempt__{i}", exempt[i]);
}

// ComplaintsPlatform:Replicas runs every project that many times behind the orchestrator's proxies
// (docs/decisions/0025 lists what must still happen once, and how it does).
if (settings.Replicas > 1)
{
    foreach (var project in builder.Resources.OfType<ProjectResource>())
    {
        builder.CreateResourceBuilder(project).WithReplicas(settings.Replicas);
    }
}

// Every project runs in the AppHost's environment: Development locally (plain HTTP, the dev-token
// client and the password grant), Production wherever the AppHost is run as Production; locally
// from the assembly the AppHost's build produced, without a `dotnet run` in front of it.
foreach (var project in builder.Resources.OfType<ProjectResource>())
{
    builder.CreateResourceBuilder(project)
        .WithBuiltAssembly()
        .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
}

builder.Build().Run();
