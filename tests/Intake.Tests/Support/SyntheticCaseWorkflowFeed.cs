using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Intake.Tests.Support;

/// <summary>
/// Stands in for CaseWorkflow's feed until that service runs beside Intake in tests: serves the
/// policies and council configuration Intake consumes, over the real EventFeed contract.
/// </summary>
public sealed class SyntheticCaseWorkflowFeed : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Events _events;

    private SyntheticCaseWorkflowFeed(WebApplication app, Events events)
    {
        _app = app;
        _events = events;
    }

    public TestServer Server => _app.GetTestServer();

    public static async Task<SyntheticCaseWorkflowFeed> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var events = new Events();
        builder.Services.AddSingleton(events);
        var app = builder.Build();
        app.MapGrpcService<FeedService>();
        await app.StartAsync();
        var feed = new SyntheticCaseWorkflowFeed(app, events);
        foreach (var message in DefaultConfiguration())
        {
            feed.Publish(message);
        }
        return feed;
    }

    public void Publish(IMessage message) => _events.Add(message);

    public static IEnumerable<IMessage> DefaultConfiguration()
    {
        yield return Policy(ComplaintStream.Corporate, 5);
        yield return Policy(ComplaintStream.AdultSocialCare, 3);
        yield return Policy(ComplaintStream.Housing, 5);
        var config = new CouncilConfigurationChanged { Version = 1, Council = new CouncilSettings { Name = "Test County Council" } };
        config.Directorates.Add(new Directorate
        {
            Id = "env",
            Name = "Environment & Transport",
            ServiceAreas =
            {
                new ServiceArea { Id = "highways", Name = "Highways", Teams = { new Team { Id = "highways-team", Name = "Highways", Email = "highways@council.example" } } },
                new ServiceArea { Id = "waste", Name = "Waste", Teams = { new Team { Id = "waste-team", Name = "Waste", Email = "waste@council.example" } } },
            },
        });
        config.Lists.Add(new ConfigList
        {
            Name = "exclusion_reasons",
            Items =
            {
                new ListItem { Code = "DAMAGES", Label = "a claim for damages, which goes to our insurers" },
                new ListItem { Code = "PLANNING_APPEAL", Label = "a planning appeal" },
                new ListItem { Code = "OLD_REASON", Label = "no longer used", Retired = true },
            },
        });
        config.Lists.Add(new ConfigList
        {
            Name = "signpost_destinations",
            Items = { new ListItem { Code = "NHS", Label = "the NHS" }, new ListItem { Code = "DISTRICT", Label = "your district council" } },
        });
        yield return config;
    }

    private static ProcedurePolicyChanged Policy(ComplaintStream stream, int acknowledgeDays) => new()
    {
        Policy = new ProcedurePolicy
        {
            Stream = stream,
            Version = 1,
            Stages =
            {
                new StagePolicy
                {
                    Number = 1,
                    Clocks =
                    {
                        new Clock { Kind = ClockKind.Acknowledge, StartsOn = ClockStart.Receipt, Period = new Period { Value = acknowledgeDays, Unit = PeriodUnit.WorkingDays } },
                        new Clock { Kind = ClockKind.Respond, StartsOn = ClockStart.Acknowledgement, Period = new Period { Value = 10, Unit = PeriodUnit.WorkingDays } },
                    },
                },
            },
        },
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Events
    {
        private readonly List<FeedEvent> _events = [];

        public void Add(IMessage message)
        {
            lock (_events)
            {
                _events.Add(new FeedEvent
                {
                    Position = _events.Count + 1,
                    EventId = Guid.NewGuid().ToString(),
                    EventType = message.Descriptor.FullName,
                    RecordedAt = Timestamp.FromDateTime(DateTime.UtcNow),
                    Payload = Any.Pack(message),
                });
            }
        }

        public List<FeedEvent> After(long position)
        {
            lock (_events)
            {
                return _events.Where(e => e.Position > position).ToList();
            }
        }

        public long Head
        {
            get
            {
                lock (_events)
                {
                    return _events.Count;
                }
            }
        }
    }

    private sealed class FeedService(Events events) : EventFeed.EventFeedBase
    {
        public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
        {
            var position = request.AfterPosition;
            try
            {
                while (!context.CancellationToken.IsCancellationRequested)
                {
                    foreach (var e in events.After(position))
                    {
                        await responseStream.WriteAsync(e);
                        position = e.Position;
                    }
                    if (request.StopWhenCaughtUp)
                    {
                        return;
                    }
                    await Task.Delay(50, context.CancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The subscriber went away.
            }
        }

        public override Task<FeedHead> GetHead(GetHeadRequest request, ServerCallContext context) =>
            Task.FromResult(new FeedHead { HeadPosition = events.Head });
    }
}
