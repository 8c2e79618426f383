using Microsoft.Extensions.DependencyInjection;
using ComplaintsPlatform.LocalInfrastructure;

namespace ComplaintsPlatform.AppHost;

/// <summary>
/// PostgreSQL and Redis from the Debian packages, started and stopped by the AppHost on ports of
/// their own, with data (and the secrets generated on first run) in a folder that survives restarts.
/// </summary>
internal static class LocalProcesses
{
    // PostgreSQL treats SIGTERM as "smart" shutdown, which waits for every pooled connection;
    // SIGINT is its fast shutdown. Translate, and exit with the server's own status.
    private const string FastShutdownOnTerm = """
        "$@" & pid=$!
        trap 'kill -INT "$pid" 2>/dev/null' TERM INT
        wait "$pid"; rc=$?
        if kill -0 "$pid" 2>/dev/null; then wait "$pid"; rc=$?; fi
        exit "$rc"
        """;

    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        var data = settings.Data;
        var adminPassword = "";
        if (builder.ExecutionContext.IsRunMode)
        {
            data.CreateIfMissing();
            adminPassword = data.AdminPassword();
            PostgresBinaries.InitIfMissing(data.PostgresData, adminPassword);
        }

        var (postgresFile, postgresArgs) = PostgresBinaries.Command("postgres",
            [.. PostgresBinaries.ServerArgs(data.PostgresData, settings.PostgresPort, durable: true), "-c", "listen_addresses=localhost"]);
        var postgres = builder.AddExecutable("postgres", "bash", data.Root, ["-c", FastShutdownOnTerm, "postgres", postgresFile, .. postgresArgs])
            .WithEndpoint(port: settings.PostgresPort, targetPort: settings.PostgresPort, scheme: "tcp", name: "tcp", isProxied: false);

        var redisServer = builder.AddExecutable("redis-server", "redis-server", data.RedisData,
                "--port", settings.RedisPort.ToString(), "--bind", "127.0.0.1 -::1", "--dir", data.RedisData,
                "--appendonly", "yes", "--save", "")
            .WithEndpoint(port: settings.RedisPort, targetPort: settings.RedisPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck("redis-server-ping");
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{settings.RedisPort},abortConnect=false,connectTimeout=1000", name: "redis-server-ping");
        var redisEndpoint = redisServer.GetEndpoint("tcp");
        var redis = builder.AddConnectionString("redis",
            ReferenceExpression.Create($"{redisEndpoint.Property(EndpointProperty.Host)}:{redisEndpoint.Property(EndpointProperty.Port)}"));

        var adminConnectionString =
            $"Host=127.0.0.1;Port={settings.PostgresPort};Username=postgres;Password={adminPassword};Database=postgres;Pooling=false";
        return new PlatformInfrastructure(
            postgres,
            postgres.GetEndpoint("tcp"),
            _ => Task.FromResult(adminConnectionString),
            redis,
            redisServer,
            new FolderSecrets(builder, data));
    }

    /// <summary>Secrets as files in the data folder, readable by their owner only.</summary>
    private sealed class FolderSecrets(IDistributedApplicationBuilder builder, PlatformDataFolder data) : PlatformSecrets
    {
        private readonly HashSet<string> _madeNow = [];

        protected override IResourceBuilder<ParameterResource> Create(string name)
        {
            if (!builder.ExecutionContext.IsRunMode)
            {
                return builder.AddParameter(name, secret: true);
            }
            if (!data.HasSecret(name))
            {
                _madeNow.Add(name);
            }
            return builder.AddParameter(name, data.Secret(name), secret: true);
        }

        public override IResourceBuilder<ParameterResource> StatusTokenKey() => builder.AddParameter(
            "intake-status-token-key", builder.ExecutionContext.IsRunMode ? data.StatusTokenKey() : "", secret: true);

        public override bool MadeNow(string name) => _madeNow.Contains(name);
    }
}
