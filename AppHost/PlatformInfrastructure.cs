namespace ComplaintsPlatform.AppHost;

/// <summary>What the services need from either infrastructure mode, described the same way.</summary>
internal sealed record PlatformInfrastructure(
    IResourceBuilder<IResourceWithEndpoints> Postgres,
    EndpointReference PostgresEndpoint,
    Func<CancellationToken, Task<string>> AdminConnectionString,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResource> RedisServer,
    IResourceBuilder<ParameterResource> SigningKey);

internal static class ResourceBuilderExtensions
{
    /// <summary>
    /// Without it a stopping service keeps retrying its last telemetry export against the dashboard
    /// that already stopped, and shutdown takes ~15 s instead of ~5 s.
    /// </summary>
    public static IResourceBuilder<T> WithoutOtlpRetry<T>(this IResourceBuilder<T> builder) where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"));

    /// <summary>Serves the endpoint itself on a fixed port (no orchestrator proxy in front).</summary>
    public static IResourceBuilder<ProjectResource> WithFixedPort(this IResourceBuilder<ProjectResource> builder, string endpoint, int port) =>
        builder.WithEndpoint(endpoint, e =>
        {
            e.Port = port;
            e.TargetPort = port;
            e.IsProxied = false;
        });
}
