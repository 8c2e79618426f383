using System.Threading.Channels;
using ComplaintsPlatform.Common.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Messaging.Consumers;

/// <summary>Reading the stream ahead, and applying what has arrived in batches.</summary>
internal sealed partial class FeedConsumer<TContext>
    where TContext : DbContext
{
    private static async Task ReadAheadAsync(IAsyncStreamReader<FeedEvent> stream, ChannelWriter<FeedEvent> buffer, CancellationToken ct)
    {
        try
        {
            await foreach (var evt in stream.ReadAllAsync(ct))
            {
                await buffer.WriteAsync(evt, ct);
            }
            buffer.TryComplete();
        }
        catch (Exception ex)
        {
            // The consumer loop sees the stream's failure (or end) when it has applied what was read before it.
            buffer.TryComplete(ex);
        }
    }

    /// <summary>Applies a batch in one transaction, or one by one if that fails; true if the checkpoint moved.</summary>
    private async Task<bool> ApplyAsync(List<FeedEvent> batch, CancellationToken ct)
    {
        if (batch.Count > 1)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var outcome = await BatchApplier.ApplyAsync(db, sub, resolveHandler(scope.ServiceProvider), batch, ct);
                CountApplied(outcome.Applied);
                _progress.Checkpoint = Math.Max(_progress.Checkpoint, outcome.Position);
                return outcome.CheckpointMoved;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Nothing of the batch was committed: apply its events one by one, so those before a
                // failing event are kept and the failing one is retried alone, as without batching.
                logger.LogInformation("Consumer {Consumer} of feed {Source}: a batch of {Count} failed ({ExceptionType}); applying its events one by one",
                    sub.Consumer, sub.Source, batch.Count, ex.GetType().Name);
            }
        }
        foreach (var evt in batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var handler = resolveHandler(scope.ServiceProvider);
            switch (await EventApplier.ApplyAsync(db, sub, handler, evt, ct))
            {
                case ApplyOutcome.CheckpointMoved:
                    return true;
                case ApplyOutcome.Applied:
                    CountApplied(1);
                    break;
            }
            _progress.Checkpoint = evt.Position;
        }
        return false;
    }

    private void CountApplied(int events)
    {
        if (events > 0)
        {
            MessagingTelemetry.EventsApplied.Add(events,
                new KeyValuePair<string, object?>("consumer", sub.Consumer),
                new KeyValuePair<string, object?>("source", sub.Source));
        }
    }
}
