using ComplaintsPlatform.LocalInfrastructure;

namespace ComplaintsPlatform.AppHost;

/// <summary>PostgreSQL and Redis as containers with data volumes; every secret an Aspire parameter.</summary>
internal static class Containers
{
    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var redis = builder.AddRedis("redis").WithDataVolume().WithPersistence();

        return new PlatformInfrastructure(
            postgres,
            postgres.Resource.PrimaryEndpoint,
            async ct => await postgres.Resource.GetConnectionStringAsync(ct)
                ?? throw new InvalidOperationException("PostgreSQL has no connection string yet."),
            redis,
            redis,
            new ParameterSecrets(builder));
    }

    /// <summary>Generated parameters persisted in the AppHost's user secrets.</summary>
    private sealed class ParameterSecrets(IDistributedApplicationBuilder builder) : PlatformSecrets
    {
        protected override IResourceBuilder<ParameterResource> Create(string name) =>
            builder.AddParameter(name, new GenerateParameterDefault { MinLength = 40, Special = false }, secret: true, persist: true);

        public override IResourceBuilder<ParameterResource> StatusTokenKey()
        {
            const string name = "intake-status-token-key";
            // An installation that had the shared signing key keeps the status key derived from it.
            if (builder.Configuration[$"Parameters:{name}"] is null
                && builder.Configuration["Parameters:identity-signing-key"] is { Length: > 0 } legacy)
            {
                return builder.AddParameter(name, PlatformDataFolder.LegacyStatusTokenKey(legacy), secret: true);
            }
            return Get(name);
        }

        public override bool MadeNow(string name) =>
            builder.ExecutionContext.IsRunMode && builder.Configuration[$"Parameters:{name}"] is null;
    }
}
