using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Hosting;

public sealed class MigrationState<TContext> where TContext : DbContext
{
    public volatile bool Applied;

    /// <summary>For start-up work that needs the schema: returns once the migrations are applied.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (!Applied)
        {
            await Task.Delay(100, ct);
        }
    }
}

// Applies the service's migrations before the server starts listening, retrying while the
// database is still coming up, so a healthy service always has its schema.
internal sealed class MigrateOnStartup<TContext>(
    IServiceProvider services,
    MigrationState<TContext> state,
    ILogger<MigrateOnStartup<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                // Replicas starting together apply the migrations one after the other, never at once.
                await StartupLock.RunAsync(db, $"migrate:{typeof(TContext).Name}", () => db.Database.MigrateAsync(cancellationToken), cancellationToken);
                state.Applied = true;
                return;
            }
            catch (Exception ex) when (attempt < 40 && ex is not OperationCanceledException)
            {
                logger.LogWarning("Database not ready for {Context} (attempt {Attempt}): {Reason}",
                    typeof(TContext).Name, attempt, ex.GetType().Name);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 3000));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class DatabaseReadyCheck<TContext>(MigrationState<TContext> state, TContext db) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Applied)
        {
            return HealthCheckResult.Unhealthy("Migrations not yet applied.");
        }
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Database unreachable.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}
