using ComplaintsPlatform.Messaging.Feed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Messaging.Outbox;

// Runs in every replica of the producer; the advisory lock lets one sequence at a time.
internal sealed class SequencerService<TContext>(
    IServiceProvider services,
    FeedDefinition<TContext> feed,
    FeedSignal<TContext> signal,
    ILogger<SequencerService<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await signal.ListenAsync();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                int assigned;
                do
                {
                    assigned = await OutboxSequencer.SequenceAsync(db, feed.BatchSize, stoppingToken);
                    if (assigned > 0)
                    {
                        MessagingTelemetry.EventsSequenced.Add(assigned, new KeyValuePair<string, object?>("feed", feed.Name));
                        signal.Publish();
                    }
                } while (assigned == feed.BatchSize);
                failures = 0;
                await Task.Delay(feed.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning("Sequencing feed {Feed} failed ({ExceptionType}); retrying", feed.Name, ex.GetType().Name);
                await Backoff.DelayAsync(failures, feed.PollInterval, stoppingToken);
            }
        }
    }
}
