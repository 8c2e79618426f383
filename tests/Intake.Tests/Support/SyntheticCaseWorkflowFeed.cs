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
/// policies and council configuration Intake consumes, over the real EventFeed contract, and the
/// CaseInternal (letter words) and CouncilDirectory (officers) calls Intake makes. Started without
/// the defaults it stands in for another service's feed (Compliments, OmbudsmanLiaison).
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

    public static async Task<SyntheticCaseWorkflowFeed> StartAsync(bool withConfiguration = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var events = new Events();
        builder.Services.AddSingleton(events);
        builder.Services.AddSingleton<CaseWorkflowStandIn>();
        var app = builder.Build();
        app.MapGrpcService<FeedService>();
        app.MapGrpcService<ContentService>();
        app.MapGrpcService<DirectoryService>();
        app.MapGrpcService<PersonRequestsStandIn>();
        await app.StartAsync();
        var feed = new SyntheticCaseWorkflowFeed(app, events);
        foreach (var message in withConfiguration ? DefaultConfiguration() : [])
        {
            feed.Publish(message);
        }
        return feed;
    }

    public void Publish(IMessage message) => _events.Add(message);

    /// <summary>Delivers the last event again (same event id, next position), as a replayed feed would.</summary>
    public void RedeliverLast() => _events.RedeliverLast();

    /// <summary>What CaseWorkflow answers to CaseInternal and CouncilDirectory calls.</summary>
    public CaseWorkflowStandIn CaseWorkflow => _app.Services.GetRequiredService<CaseWorkflowStandIn>();

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

        public void RedeliverLast()
        {
            lock (_events)
            {
                var again = _events[^1].Clone();
                again.Position = _events.Count + 1;
                _events.Add(again);
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

    public sealed class CaseWorkflowStandIn
    {
        private volatile bool _contentAvailable = true;
        private int _contentRefusals;

        public System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string>> Texts { get; } = new();

        public System.Collections.Concurrent.ConcurrentBag<string?> ContentCallers { get; } = [];

        /// <summary>False while CaseWorkflow's content RPC is down: every call is UNAVAILABLE.</summary>
        public bool ContentAvailable
        {
            get => _contentAvailable;
            set => _contentAvailable = value;
        }

        /// <summary>How many content calls were answered UNAVAILABLE.</summary>
        public int ContentRefusals => Volatile.Read(ref _contentRefusals);

        internal void Refused() => Interlocked.Increment(ref _contentRefusals);

        public List<Officer> Officers { get; } = [];

        /// <summary>The person's requests Intake relayed: (RequestEscalation or Withdraw, contact id).</summary>
        public System.Collections.Concurrent.ConcurrentQueue<(string Rpc, string ContactId)> PersonRequests { get; } = new();

        /// <summary>When set, CaseWorkflow refuses the person's requests with FAILED_PRECONDITION and this reason.</summary>
        public string? RefuseWith { get; set; }
    }

    private sealed class PersonRequestsStandIn(CaseWorkflowStandIn standIn) : PersonRequests.PersonRequestsBase
    {
        public override Task<PersonRequestReply> RequestEscalation(PersonEscalationRequest request, ServerCallContext context) =>
            Answer(nameof(RequestEscalation), request.ContactId);

        public override Task<PersonRequestReply> Withdraw(PersonWithdrawalRequest request, ServerCallContext context) =>
            Answer(nameof(Withdraw), request.ContactId);

        private Task<PersonRequestReply> Answer(string rpc, string contactId)
        {
            if (standIn.RefuseWith is { } reason)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, reason));
            }
            standIn.PersonRequests.Enqueue((rpc, contactId));
            return Task.FromResult(new PersonRequestReply { CaseId = "case-of-" + contactId, Stage = 1 });
        }
    }

    private sealed class ContentService(CaseWorkflowStandIn standIn) : CaseInternal.CaseInternalBase
    {
        public override Task<CorrespondenceContent> GetCorrespondenceContent(GetCorrespondenceContentRequest request, ServerCallContext context)
        {
            if (!standIn.ContentAvailable)
            {
                standIn.Refused();
                throw new RpcException(new Status(StatusCode.Unavailable, "CaseWorkflow is down"));
            }
            standIn.ContentCallers.Add(context.RequestHeaders.GetValue("authorization"));
            return Task.FromResult(new CorrespondenceContent
            {
                RequestId = request.RequestId,
                Texts = { standIn.Texts.GetValueOrDefault(request.RequestId) ?? [] },
            });
        }
    }

    private sealed class DirectoryService(CaseWorkflowStandIn standIn) : CouncilDirectory.CouncilDirectoryBase
    {
        public override Task<CouncilConfiguration> GetConfiguration(GetConfigurationRequest request, ServerCallContext context)
        {
            lock (standIn.Officers)
            {
                return Task.FromResult(new CouncilConfiguration { Version = 1, Officers = { standIn.Officers } });
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
