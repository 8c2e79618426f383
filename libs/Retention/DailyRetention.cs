using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Retention;

/// <summary>
/// Runs the retention job once a day at <c>Retention:DailyAt</c> (UTC, default 02:00), never at start-up,
/// so a service restarting in the day does not sweep twice. <c>Retention:Daily</c> false turns it off.
/// </summary>
public sealed class DailyRetention<TContext>(RetentionRunner<TContext> runner, IConfiguration configuration, TimeProvider clock,
    ILogger<DailyRetention<TContext>> logger) : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Retention:Daily", true))
        {
            return;
        }
        var at = TimeOnly.TryParse(configuration["Retention:DailyAt"], out var parsed) ? parsed : new TimeOnly(2, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
            if (next <= now)
            {
                next = next.AddDays(1);
            }
            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                await runner.RunAsync(RetentionRunTrigger.Daily, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "daily", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next day's run finds whatever this one left.
                logger.LogError(ex, "The daily retention run failed");
            }
        }
    }
}
