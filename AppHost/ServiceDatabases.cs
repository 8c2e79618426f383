using Microsoft.Extensions.DependencyInjection;
using ComplaintsPlatform.LocalInfrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ComplaintsPlatform.AppHost;

/// <summary>
/// One database, one schema and one login per service. Each service's connection string carries its
/// own login and a generated secret password; the logins are (re)provisioned with those passwords
/// before PostgreSQL reports healthy, so <c>WaitFor(postgres)</c> means "accepting connections and
/// provisioned" in either infrastructure mode.
/// </summary>
internal static class ServiceDatabases
{
    private const string ProvisionedCheck = "postgres-provisioned";

    public static IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Add(
        IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure)
    {
        var endpoint = infrastructure.PostgresEndpoint;
        var connectionStrings = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        var logins = new List<(string Role, ParameterResource Password)>();
        foreach (var (schema, connectionName) in ServiceSchemas.All)
        {
            // A fresh password every run is fine: provisioning sets it again before anyone connects.
            var password = builder.AddParameter($"{connectionName}-password",
                new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
            logins.Add((schema, password.Resource));
            connectionStrings[connectionName] = builder.AddConnectionString(connectionName, ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Database={SchemaProvisioner.DatabaseName};Username={schema};Password={password.Resource}"));
        }

        builder.Services.AddHealthChecks().AddCheck(ProvisionedCheck, new SchemaProvisioningCheck(infrastructure.AdminConnectionString, logins));
        infrastructure.Postgres.WithHealthCheck(ProvisionedCheck);
        return connectionStrings;
    }

    private sealed class SchemaProvisioningCheck(
        Func<CancellationToken, Task<string>> adminConnectionString,
        IReadOnlyList<(string Role, ParameterResource Password)> logins) : IHealthCheck
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _provisioned;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var admin = await adminConnectionString(cancellationToken);
                if (!_provisioned)
                {
                    var resolved = new List<ServiceLogin>();
                    foreach (var (role, password) in logins)
                    {
                        resolved.Add(new ServiceLogin(role, await password.GetValueAsync(cancellationToken)
                            ?? throw new InvalidOperationException($"No password for {role}.")));
                    }
                    await SchemaProvisioner.ProvisionAsync(admin, resolved, cancellationToken);
                    _provisioned = true;
                    return HealthCheckResult.Healthy("Accepting connections; service logins provisioned.");
                }
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("Not yet accepting connections or not provisioned.", ex);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
