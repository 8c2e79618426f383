using ComplaintsPlatform.Common.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// Another service's event feed, served from memory on a test server, so the service under test
/// follows it through its real consumer (inbox, checkpoint, one transaction per event).
/// </summary>
public sealed class FakeFeed : IAsyncDisposable
{
    private readonly List<FeedEvent> _events = [];
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    public TestServer Server { get; private set; } = null!;

    public static async Task<FakeFeed> StartAsync()
    {
        var feed = new FakeFeed();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(feed);
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        feed._app = app;
        feed.Server = app.GetTestServer();
        return feed;
    }

    /// <summary>Appends the event at the next position; the same <paramref name="eventId"/> again is a redelivery.</summary>
    public FeedEvent Publish(IMessage payload, Guid? eventId = null)
    {
        lock (_gate)
        {
            var evt = new FeedEvent
            {
                Position = _events.Count + 1,
                EventId = (eventId ?? Guid.CreateVersion7()).ToString(),
                EventType = payload.Descriptor.FullName,
                RecordedAt = Timestamp.FromDateTime(DateTime.UtcNow),
                Payload = Any.Pack(payload),
            };
            _events.Add(evt);
            Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return evt;
        }
    }

    public long Head
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    private (List<FeedEvent> Events, Task Changed) After(long position)
    {
        lock (_gate)
        {
            return (_events.Where(e => e.Position > position).ToList(), _changed.Task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private sealed class Service(FakeFeed feed) : EventFeed.EventFeedBase
    {
        public override Task<FeedHead> GetHead(GetHeadRequest request, ServerCallContext context) =>
            Task.FromResult(new FeedHead { HeadPosition = feed.Head });

        public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
        {
            var position = request.AfterPosition;
            while (!context.CancellationToken.IsCancellationRequested)
            {
                var (events, changed) = feed.After(position);
                foreach (var evt in events)
                {
                    await responseStream.WriteAsync(evt, context.CancellationToken);
                    position = evt.Position;
                }
                if (request.StopWhenCaughtUp)
                {
                    return;
                }
                await changed.WaitAsync(context.CancellationToken);
            }
        }
    }
}
