using ComplaintsPlatform.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder);

var infrastructure = settings.Mode == InfrastructureMode.Local
    ? LocalProcesses.Add(builder, settings)
    : Containers.Add(builder);
var databases = ServiceDatabases.Add(builder, infrastructure);

IResourceBuilder<ProjectResource> Service<TProject>(string name, string connectionName)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(databases[connectionName])
        .WithReference(infrastructure.Redis)
        .WithEnvironment("Identity__SigningKey", infrastructure.SigningKey)
        .WaitFor(infrastructure.Postgres)
        .WaitFor(infrastructure.RedisServer)
        .WithHttpHealthCheck("/health", endpointName: "http")
        .WithoutOtlpRetry();

IResourceBuilder<ProjectResource>[] services =
[
    Service<Projects.Intake>("intake", "intake-db"),
    Service<Projects.CaseWorkflow>("case-workflow", "case-workflow-db"),
    Service<Projects.OmbudsmanLiaison>("ombudsman-liaison", "ombudsman-liaison-db"),
    Service<Projects.Compliments>("compliments", "compliments-db"),
    Service<Projects.Reporting>("reporting", "reporting-db"),
];

// Services follow each other's event feeds and call each other's internal RPCs over gRPC, so each
// can discover every other (no WaitFor: a consumer retries until its source is up).
foreach (var service in services)
{
    foreach (var other in services.Where(o => o != service))
    {
        service.WithReference(other);
    }
}

// Intake's letters and emails land in a local inbox (smtp4dev), linked from the dashboard.
var mail = MailServer.Add(builder, settings.Mode);
var intake = services[0].WithMailServer(mail);

// The public and staff pages. They call the services directly (the public with no token at all);
// browsers reach them through the gateway's catch-all route.
var web = builder.AddProject<Projects.Web>("web")
    .WithReference(intake)
    .WithReference(services[1])
    .WithReference(infrastructure.Redis)
    .WaitFor(infrastructure.RedisServer)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithoutOtlpRetry();

// The gateway needs no backend to start: its gRPC health reports each backend as it comes up.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithFixedPort("http", settings.GatewayHttpPort)
    .WithFixedPort("grpc", settings.GatewayGrpcPort)
    .WithEnvironment("Identity__SigningKey", infrastructure.SigningKey)
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithoutOtlpRetry();
foreach (var service in services)
{
    gateway.WithReference(service);
}
gateway.WithReference(web);
// The receipt email links the person's status page, at the address browsers use.
intake.WithEnvironment("Intake__PublicBaseUrl", gateway.GetEndpoint("http"));

// Clients ("sub:<token subject>" or "key:<api key>") exempt from the gateway's per-client rate limit, e.g. a benchmark.
var exempt = (builder.Configuration["ComplaintsPlatform:RateLimitExempt"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
for (var i = 0; i < exempt.Length; i++)
{
    gateway.WithEnvironment($"Gateway__RateLimit__Exempt__{i}", exempt[i]);
}

builder.Build().Run();
