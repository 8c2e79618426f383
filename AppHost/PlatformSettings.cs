using System.Diagnostics;
using ComplaintsPlatform.LocalInfrastructure;
using Microsoft.Extensions.Configuration;

namespace ComplaintsPlatform.AppHost;

internal enum InfrastructureMode
{
    Local,
    Containers,
}

/// <summary>
/// Section <c>ComplaintsPlatform</c>: <c>InfrastructureMode</c> (auto | local | containers),
/// <c>DataDir</c>, <c>PostgresPort</c>, <c>RedisPort</c>, <c>GatewayHttpPort</c>, <c>GatewayGrpcPort</c>
/// (0 = any free port, for tests), <c>Replicas</c> (how many processes of every service, the gateway,
/// the identity provider and the web; 1 to 4, default 1).
/// </summary>
internal sealed record PlatformSettings(
    InfrastructureMode Mode,
    PlatformDataFolder Data,
    int PostgresPort,
    int RedisPort,
    int GatewayHttpPort,
    int GatewayGrpcPort,
    int Replicas)
{
    public const int MaxReplicas = 4;

    public static PlatformSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ComplaintsPlatform");
        var mode = section["InfrastructureMode"]?.ToLowerInvariant() switch
        {
            "local" => InfrastructureMode.Local,
            "containers" => InfrastructureMode.Containers,
            null or "" or "auto" => builder.ExecutionContext.IsPublishMode || ContainerEngineAnswers()
                ? InfrastructureMode.Containers
                : InfrastructureMode.Local,
            var other => throw new InvalidOperationException(
                $"ComplaintsPlatform:InfrastructureMode must be auto, local or containers, not '{other}'."),
        };
        return new PlatformSettings(
            mode,
            PlatformDataFolder.FromSetting(builder.Configuration[PlatformDataFolder.SettingKey]),
            Port(section, "PostgresPort", 15432),
            Port(section, "RedisPort", 16379),
            Port(section, "GatewayHttpPort", 8080),
            Port(section, "GatewayGrpcPort", 8081),
            ReplicasFrom(section));
    }

    private static int ReplicasFrom(IConfiguration section)
    {
        var replicas = section.GetValue("Replicas", 1);
        return replicas is >= 1 and <= MaxReplicas
            ? replicas
            : throw new InvalidOperationException($"ComplaintsPlatform:Replicas must be 1 to {MaxReplicas}, not {replicas}.");
    }

    private static int Port(IConfiguration section, string key, int fallback)
    {
        var port = section.GetValue(key, fallback);
        return port == 0 ? FreePort.Next() : port;
    }

    // Ask the daemon, not the PATH: the docker client is often installed where no daemon runs, and
    // AddPostgres/AddRedis then wait forever instead of failing.
    private static bool ContainerEngineAnswers()
    {
        var cli = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } runtime ? runtime : "docker";
        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "info", "--format", "{{.ServerVersion}}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such CLI
        }
    }
}
