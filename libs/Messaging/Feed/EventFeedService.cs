using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Messaging.Feed;

/// <summary>
/// A service's outbox as a gRPC feed: stored events in position order, then new ones as the
/// sequencer positions them. Readable only by the feed's configured consumer services.
/// </summary>
public sealed class EventFeedService<TContext>(TContext db, FeedDefinition<TContext> feed, FeedSignal<TContext> signal)
    : EventFeed.EventFeedBase
    where TContext : DbContext
{
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
    {
        Authorize(context);
        new Validator()
            .Require(request.AfterPosition >= 0, "after_position", "must not be negative")
            .Require(request.BatchSize >= 0, "batch_size", "must not be negative")
            .ThrowIfInvalid();
        var batchSize = request.BatchSize == 0 ? feed.BatchSize : Math.Min(request.BatchSize, 1000);
        var ct = context.CancellationToken;
        var position = request.AfterPosition;
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.NextAsync();
            var batch = await ReadAsync(position, batchSize, ct);
            foreach (var evt in batch)
            {
                await responseStream.WriteAsync(evt, ct);
                position = evt.Position;
            }
            if (batch.Count == batchSize)
            {
                continue;
            }
            if (request.StopWhenCaughtUp)
            {
                return;
            }
            await Task.WhenAny(wake, Task.Delay(feed.PollInterval, ct));
        }
    }

    public override async Task<FeedHead> GetHead(GetHeadRequest request, ServerCallContext context)
    {
        Authorize(context);
        var head = await db.Set<OutboxEvent>().MaxAsync(e => e.Position, context.CancellationToken);
        return new FeedHead { HeadPosition = head ?? 0 };
    }

    private void Authorize(ServerCallContext context)
    {
        var service = Caller.From(context).ServiceName;
        if (service is null || !feed.Consumers.Contains(service))
        {
            throw new AccessDeniedException($"Only the consumers of the {feed.Name} feed may read it.");
        }
    }

    private async Task<List<FeedEvent>> ReadAsync(long after, int batchSize, CancellationToken ct)
    {
        var rows = await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.Position > after)
            .OrderBy(e => e.Position)
            .Take(batchSize)
            .Select(e => new { e.Position, e.EventId, e.EventType, e.RecordedAt, e.Payload })
            .ToListAsync(ct);
        return rows.ConvertAll(r => new FeedEvent
        {
            Position = r.Position!.Value,
            EventId = r.EventId.ToString(),
            EventType = r.EventType,
            RecordedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)),
            Payload = Any.Parser.ParseFrom(r.Payload),
        });
    }
}
