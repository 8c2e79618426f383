using System.Reflection;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintsPlatform.AppHost;

/// <summary>What the services need from either infrastructure mode, described the same way.</summary>
internal sealed record PlatformInfrastructure(
    IResourceBuilder<IResourceWithEndpoints> Postgres,
    EndpointReference PostgresEndpoint,
    Func<CancellationToken, Task<string>> AdminConnectionString,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResource> RedisServer,
    PlatformSecrets Secrets);

/// <summary>
/// Secrets generated once and kept across runs (a client secret that changed on every start would
/// be harmless, but the status-token key and the first administrator's password must not).
/// </summary>
internal abstract class PlatformSecrets
{
    private readonly Dictionary<string, IResourceBuilder<ParameterResource>> _parameters = new(StringComparer.Ordinal);

    /// <summary>A named secret as a parameter: generated on first use, the same on every later run.</summary>
    public IResourceBuilder<ParameterResource> Get(string name)
    {
        if (!_parameters.TryGetValue(name, out var parameter))
        {
            parameter = Create(name);
            _parameters[name] = parameter;
        }
        return parameter;
    }

    protected abstract IResourceBuilder<ParameterResource> Create(string name);

    /// <summary>Intake's status-token key, seeded on upgrade from the former shared signing key.</summary>
    public abstract IResourceBuilder<ParameterResource> StatusTokenKey();

    /// <summary>Whether the named secret was made by this run (then it is printed once).</summary>
    public abstract bool MadeNow(string name);
}

internal static class ResourceBuilderExtensions
{
    /// <summary>
    /// Telemetry goes to the dashboard when there is one, without the retry that would keep a stopping
    /// service exporting to a dashboard that already stopped (shutdown ~15 s instead of ~5 s). With the
    /// dashboard off (tests, benchmarks) Aspire still names an OTLP endpoint that nothing listens on:
    /// every log, metric and span would be collected and its export fail each second, so the endpoint
    /// is left out and the services collect none (ServiceDefaults).
    /// </summary>
    public static IResourceBuilder<T> WithDashboardTelemetry<T>(this IResourceBuilder<T> builder) where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context =>
        {
            context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY");
            if (context.ExecutionContext.Services.GetService<DistributedApplicationOptions>() is { DisableDashboard: true })
            {
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
            }
        });

    /// <summary>
    /// The run command starts eight .NET processes at once on what may be a two-core laptop, and most of
    /// its start-up is the JIT. Without tiered PGO the runtime skips the instrumented tier hot methods
    /// pass through on their way to full optimisation: less JIT work while everything starts. On this
    /// machine's noisy runs the gain is not yet shown beyond doubt (bench/PlatformBench, ADR 0026).
    /// A 4 MiB first-generation budget (the runtime sizes it from the processor's cache otherwise) keeps
    /// each process's own heap small: the eight held 363 MiB of anonymous memory instead of 446.
    /// The gateway keeps the default budget (<paramref name="smallHeap"/> false): every call passes
    /// through it, and a small budget collects it several times as often at thousands of calls a second.
    /// Run mode only: the manifests and images keep the defaults, where a pod starts alone, runs for
    /// days and has its own memory limit.
    /// </summary>
    public static IResourceBuilder<T> WithQuickStart<T>(this IResourceBuilder<T> builder, bool smallHeap = true) where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["DOTNET_TieredPGO"] = "0";
                if (smallHeap)
                {
                    context.EnvironmentVariables["DOTNET_GCgen0size"] = "0x400000";
                }
            }
        });

    /// <summary>
    /// Serves the endpoint on a fixed port: the process itself when it runs once (no orchestrator proxy
    /// in front), the orchestrator's proxy spreading connections over the replicas when there are more.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFixedPort(this IResourceBuilder<ProjectResource> builder, string endpoint, int port, int replicas) =>
        builder.WithEndpoint(endpoint, e =>
        {
            e.Port = port;
            if (replicas == 1)
            {
                e.TargetPort = port;
                e.IsProxied = false;
            }
        });

    /// <summary>
    /// Runs the project's built assembly (<c>dotnet exec</c>) instead of <c>dotnet run --no-build</c>.
    /// Each <c>dotnet run</c> first evaluates its project with MSBuild and then stays alive as the
    /// service's parent: eight of them evaluating at once on two cores took 10–15 s of the run command's
    /// start-up before any service began, and held about 1 GiB between them (bench/PlatformBench,
    /// ADR 0026). The assembly is the one the AppHost's own build produced beside it: the same
    /// configuration, the same framework. Run mode only: a published project is an image.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBuiltAssembly(this IResourceBuilder<ProjectResource> builder)
    {
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        var projectPath = builder.Resource.GetProjectMetadata().ProjectPath;
        var assemblyName = XDocument.Load(projectPath).Descendants("AssemblyName").FirstOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(projectPath);
        var configuration = typeof(ResourceBuilderExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? throw new InvalidOperationException("The AppHost's assembly names no build configuration.");
        var assembly = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration,
            $"net{Environment.Version.Major}.{Environment.Version.Minor}", assemblyName + ".dll");
#pragma warning disable ASPIREEXTENSION001 // evaluation API: the one public way to replace the `dotnet run` prefix
        return builder.WithLaunchToolArgs(context =>
        {
            context.Args.Add("exec");
            context.Args.Add(assembly);
        });
#pragma warning restore ASPIREEXTENSION001
    }
}
