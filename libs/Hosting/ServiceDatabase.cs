using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ComplaintsPlatform.Hosting;

public static class ServiceDatabase
{
    public const string ReadyTag = "ready";

    // Each service owns one schema: its tables and its migrations history live there, and its
    // login (from the connection string) can use nothing else.
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder, string connectionName, string schema, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = WithSessionReuse(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is not configured."));

        builder.Services.AddDbContextPool<TContext>(options =>
        {
            options.UseServiceDatabase(connectionString, schema);
            configure?.Invoke(options);
        });
        builder.EnrichNpgsqlDbContext<TContext>(settings =>
        {
            // Explicit transactions (outbox + change) must not be replayed by a retrying strategy.
            settings.DisableRetry = true;
            settings.DisableHealthChecks = true;
            var exported = TelemetryExport.IsConfigured(builder.Configuration);
            settings.DisableTracing |= !exported;
            settings.DisableMetrics |= !exported;
        });

        builder.Services.AddSingleton<MigrationState<TContext>>();
        builder.Services.AddHostedService<MigrateOnStartup<TContext>>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck<TContext>>($"{schema}-database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The service's own requests reuse their pooled sessions as they are:
    /// - Npgsql prepares a statement on a pooled connection once it has been sent twice there
    ///   (PostgreSQL then skips parsing and planning it), for the most frequent statements per connection;
    /// - a connection going back to the pool is not reset (Npgsql would otherwise send seven reset
    ///   statements with the next use). The services leave nothing in a pooled session: their LISTEN
    ///   and session-long advisory locks live on unpooled connections, and the start-up lock is
    ///   released before its connection goes back.
    /// A connection string that says otherwise wins.
    /// </summary>
    public static string WithSessionReuse(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }
        return settings.ConnectionString;
    }

    /// <summary>
    /// How a service's context talks to its database, for the service itself and for anything that
    /// opens the context outside it (migrations, tests, benchmarks), so they all see the same model.
    /// Every table, column, key and index is named in snake_case by convention; a model names one
    /// itself only where the database's name is not the convention's.
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, string connectionString, string schema) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IHistoryRepository, MigrationsHistory>();

    public static DbContextOptions<TContext> Options<TContext>(string connectionString, string schema)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(connectionString, schema);
        return options.Options;
    }
}
