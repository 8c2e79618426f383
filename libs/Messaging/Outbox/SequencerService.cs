using ComplaintsPlatform.Messaging.Feed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ComplaintsPlatform.Messaging.Outbox;

// Runs in every replica of the producer; the advisory lock lets one sequence at a time. It wakes when
// this process commits outbox rows (OutboxCommitInterceptor), on the outbox's commit notification
// where the schema has that trigger (OutboxNotify), and polls as well, so nothing depends on a notice.
internal sealed class SequencerService<TContext>(
    IServiceProvider services,
    FeedDefinition<TContext> feed,
    FeedSignal<TContext> signal,
    OutboxCommits<TContext> commits,
    ILogger<SequencerService<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    // Rows not yet safe to position (an older transaction still open somewhere) are looked at again this soon.
    private static readonly TimeSpan s_pendingRetry = TimeSpan.FromMilliseconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await signal.ListenAsync();
        var listening = ListenForCommitsAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wake = commits.Next;
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                OutboxSequencer.Pass pass;
                do
                {
                    pass = await OutboxSequencer.PassAsync(db, feed.BatchSize, stoppingToken);
                    if (pass.Assigned > 0)
                    {
                        MessagingTelemetry.EventsSequenced.Add(pass.Assigned, new KeyValuePair<string, object?>("feed", feed.Name));
                        signal.Publish();
                    }
                } while (pass.Assigned == feed.BatchSize);
                failures = 0;
                if (await Task.WhenAny(wake, Task.Delay(pass.Pending ? s_pendingRetry : feed.PollInterval, stoppingToken)) == wake
                    && feed.GatherDelay > TimeSpan.Zero)
                {
                    await Task.Delay(feed.GatherDelay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning("Sequencing feed {Feed} failed ({ExceptionType}); retrying", feed.Name, ex.GetType().Name);
                try
                {
                    await Backoff.DelayAsync(failures, feed.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await listening;
    }

    // LISTEN on a connection of its own (unpooled: it lives as long as the service), reconnecting with backoff.
    private async Task ListenForCommitsAsync(CancellationToken ct)
    {
        string connectionString;
        string channel;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            connectionString = db.Database.GetConnectionString() ?? "";
            var entity = db.Model.FindEntityType(typeof(OutboxEvent));
            var schema = entity?.GetSchema() ?? db.Model.GetDefaultSchema();
            if (connectionString.Length == 0 || schema is null)
            {
                return; // polling only
            }
            channel = OutboxNotify.Channel(schema);
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => commits.Announce();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                failures = 0;
                commits.Announce(); // anything committed while not listening is taken now
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning("Feed {Feed} is not listening for commits ({ExceptionType}); polling until it is", feed.Name, ex.GetType().Name);
                try
                {
                    await Backoff.DelayAsync(failures, TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
