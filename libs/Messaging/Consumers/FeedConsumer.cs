using System.Threading.Channels;
using ComplaintsPlatform.Common.V1;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>
/// Follows one source feed for one consumer. Every replica runs one; the one holding the
/// session-level advisory lock (on a dedicated, unpooled connection) is active and the others wait.
/// When the active replica dies its connection closes, PostgreSQL releases the lock, a standby takes over.
/// The inbox, not the lock, is what makes effects exactly-once; the lock keeps work in one place.
/// </summary>
internal sealed partial class FeedConsumer<TContext>(
    IServiceProvider services,
    FeedSubscription sub,
    Func<IServiceProvider, IFeedEventHandler<TContext>> resolveHandler,
    GrpcClientFactory clients,
    ILogger<FeedConsumer<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly ConsumerProgress _progress = new(sub.Consumer, sub.Source);
    private string _checkpointTable = "";
    private CancellationTokenSource? _rewind;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            NpgsqlConnection? lease = null;
            try
            {
                lease = await AcquireLeaseAsync(stoppingToken);
                logger.LogInformation("Consumer {Consumer} is now active on feed {Source}", sub.Consumer, sub.Source);
                failures = 0;
                MessagingTelemetry.Track(_progress);
                await RunActiveAsync(lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning("Consumer {Consumer} of feed {Source} lost its lease or lock connection ({ExceptionType}); retrying",
                    sub.Consumer, sub.Source, ex.GetType().Name);
                await Backoff.DelayAsync(failures, sub.InitialBackoff, stoppingToken);
            }
            finally
            {
                MessagingTelemetry.Untrack(_progress);
                if (lease is not null)
                {
                    // Closing the session releases the advisory lock for the standby.
                    await lease.DisposeAsync();
                }
            }
        }
    }

    private async Task<NpgsqlConnection> AcquireLeaseAsync(CancellationToken ct)
    {
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            connectionString = db.Database.GetConnectionString()
                ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string.");
            _checkpointTable = MessagingModel.TableOf<FeedCheckpoint>(db);
        }
        // Unpooled: a pooled connection would keep the session, and the lock, alive after Dispose.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var key = AdvisoryLockKey.For(sub.LockName);
            while (true)
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
                if ((bool)(await cmd.ExecuteScalarAsync(ct))!)
                {
                    return connection;
                }
                await Task.Delay(sub.StandbyRetry, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task RunActiveAsync(NpgsqlConnection lease, CancellationToken stoppingToken)
    {
        using var active = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watchdog = WatchLeaseAsync(lease, active);
        try
        {
            var failures = 0;
            while (true)
            {
                active.Token.ThrowIfCancellationRequested();
                try
                {
                    if (await FollowAsync(active.Token))
                    {
                        continue;
                    }
                    failures = 1;
                }
                catch (Exception ex) when (!active.IsCancellationRequested)
                {
                    failures++;
                    LogFailure(ex);
                }
                await Backoff.DelayAsync(failures, sub.InitialBackoff, active.Token);
            }
        }
        finally
        {
            await active.CancelAsync();
            await watchdog;
        }
    }

    // Ends the active period if the lock connection dies: without it another replica may hold the lock.
    // Also notices a checkpoint reset (replay) while the stream is idle, and restarts the stream from it.
    private async Task WatchLeaseAsync(NpgsqlConnection lease, CancellationTokenSource active)
    {
        try
        {
            while (!active.IsCancellationRequested)
            {
                await Task.Delay(sub.LeaseCheck, active.Token);
                await using var cmd = new NpgsqlCommand(
                    $"SELECT position FROM {_checkpointTable} WHERE consumer = $1 AND source = $2", lease)
                {
                    Parameters = { new() { Value = sub.Consumer }, new() { Value = sub.Source } },
                };
                if (await cmd.ExecuteScalarAsync(active.Token) is long stored && stored < _progress.Checkpoint)
                {
                    _progress.Checkpoint = stored;
                    Volatile.Read(ref _rewind)?.Cancel();
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !active.IsCancellationRequested)
        {
            logger.LogWarning("Consumer {Consumer} of feed {Source} lost its lock connection ({ExceptionType})",
                sub.Consumer, sub.Source, ex.GetType().Name);
            await active.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopping or no longer active.
        }
    }

    /// <summary>Subscribes from the stored checkpoint and applies events; true to resubscribe at once (checkpoint reset).</summary>
    private async Task<bool> FollowAsync(CancellationToken activeToken)
    {
        using var rewind = CancellationTokenSource.CreateLinkedTokenSource(activeToken);
        Volatile.Write(ref _rewind, rewind);
        try
        {
            return await FollowOnceAsync(rewind.Token);
        }
        catch (OperationCanceledException) when (rewind.IsCancellationRequested && !activeToken.IsCancellationRequested)
        {
            logger.LogInformation("Consumer {Consumer} of feed {Source}: checkpoint reset, replaying", sub.Consumer, sub.Source);
            return true;
        }
        catch (RpcException rpc) when (rpc.StatusCode == StatusCode.Cancelled && rewind.IsCancellationRequested && !activeToken.IsCancellationRequested)
        {
            return true;
        }
        finally
        {
            Volatile.Write(ref _rewind, null);
        }
    }

    private async Task<bool> FollowOnceAsync(CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            _progress.Checkpoint = await EventApplier.EnsureCheckpointAsync(db, sub.Consumer, sub.Source, ct);
        }
        var client = clients.CreateClient<EventFeed.EventFeedClient>(sub.ClientName);
        var head = await client.GetHeadAsync(new GetHeadRequest(), cancellationToken: ct);
        _progress.Head = head.HeadPosition;
        using var call = client.Subscribe(new SubscribeRequest { AfterPosition = _progress.Checkpoint }, cancellationToken: ct);
        // The stream is read ahead into a small buffer, so whatever has arrived while a batch was
        // being applied becomes the next batch; with nothing waiting, an event is applied at once.
        var buffer = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(Math.Max(1, sub.BatchSize) * 2) { SingleReader = true, SingleWriter = true });
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = ReadAheadAsync(call.ResponseStream, buffer.Writer, reading.Token);
        try
        {
            var batch = new List<FeedEvent>(sub.BatchSize);
            while (await buffer.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < Math.Max(1, sub.BatchSize) && buffer.Reader.TryRead(out var evt))
                {
                    batch.Add(evt);
                }
                _progress.Head = Math.Max(_progress.Head, batch[^1].Position);
                if (await ApplyAsync(batch, ct))
                {
                    logger.LogInformation("Consumer {Consumer} of feed {Source}: checkpoint reset, replaying", sub.Consumer, sub.Source);
                    return true;
                }
            }
            return false;
        }
        finally
        {
            await reading.CancelAsync();
            await reader;
        }
    }

    private void LogFailure(Exception ex)
    {
        if (ex is RpcException rpc)
        {
            logger.LogWarning("Feed {Source} unreachable for consumer {Consumer} ({StatusCode}); reconnecting with backoff",
                sub.Source, sub.Consumer, rpc.StatusCode);
        }
        else
        {
            // The exception's message may quote event data, so only its type is logged.
            logger.LogWarning("Consumer {Consumer} failed applying feed {Source} after position {Position} ({ExceptionType}); retrying",
                sub.Consumer, sub.Source, _progress.Checkpoint, ex.GetType().FullName);
        }
    }
}
