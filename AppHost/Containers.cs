namespace ComplaintsPlatform.AppHost;

/// <summary>PostgreSQL and Redis as containers with data volumes; every secret an Aspire parameter.</summary>
internal static class Containers
{
    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var redis = builder.AddRedis("redis").WithDataVolume().WithPersistence();
        // Kept across runs: tokens issued yesterday must still validate today.
        var signingKey = builder.AddParameter("identity-signing-key",
            new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

        return new PlatformInfrastructure(
            postgres,
            postgres.Resource.PrimaryEndpoint,
            async ct => await postgres.Resource.GetConnectionStringAsync(ct)
                ?? throw new InvalidOperationException("PostgreSQL has no connection string yet."),
            redis,
            redis,
            signingKey);
    }
}
