using System.Threading.Channels;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ComplaintsPlatform.Reporting.Events;

public sealed class RebuildOptions
{
    /// <summary>
    /// Most events applied in one transaction while catching up. PostgreSQL's share of a batch is mostly
    /// the counter upsert, and counters merge in memory within a batch: 20,000 events write about half
    /// the counter rows per event that 5,000 do, and rebuild twice as fast (bench/ReportingBench, ADR 0026),
    /// for some tens of megabytes held while a batch is applied.
    /// </summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>How often the service looks for a rebuild to run or a retired generation to drop.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a retired generation is kept after the switch, for reports that were already reading it.</summary>
    public TimeSpan RetireAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Fills the generation a rebuild started (<see cref="ReadModelState.Building"/>) from position 1 of every
/// feed, through the live consumers' handlers and batch transaction (checkpoint, inbox, counters merged in
/// memory) in large batches, the feeds side by side, each batch appending its counter changes to the
/// generation's pending counters; when every feed is applied up to its head, folds those into the
/// counters and switches <see cref="ReadModelState.Serving"/> to it, in one transaction. A restart resumes from the new
/// generation's own checkpoints. Runs on one replica at a time (advisory lock).
/// </summary>
public sealed class RebuildService(IServiceProvider services, GrpcClientFactory clients, IOptions<RebuildOptions> options, ILogger<RebuildService> logger)
    : BackgroundService
{
    private RebuildOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(Options.Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The exception's message may quote event data, so only its type is logged.
                logger.LogWarning("Reporting rebuild failed ({ExceptionType}); retrying", ex.GetType().FullName);
                await Task.Delay(Options.Poll * 5, stoppingToken);
            }
        }
    }

    /// <summary>Drops a retired generation whose time has come, or catches the building one up and switches to it.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        ReadModelState? state;
        string connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            state = await db.State.AsNoTracking().FirstOrDefaultAsync(ct);
            connectionString = db.Database.GetConnectionString()!;
        }
        if (state is null || (state.Building is null && state.Retired is null))
        {
            return;
        }
        // One replica at a time: the lock lives as long as this session.
        await using var lease = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await lease.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext('reporting-rebuild'))", lease))
        {
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
            {
                return;
            }
        }
        if (state.Retired is { } retired && state.SwitchedAt is { } switched && DateTime.UtcNow - switched >= Options.RetireAfter)
        {
            await DropRetiredAsync(retired, ct);
        }
        if (state.Building is { } building)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await Generations.EnsurePendingCountersAsync(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), building, ct);
            }
            while (!await CatchUpAsync(building, ct))
            {
            }
            await SwitchAsync(building, ct);
        }
    }

    // One pass over the feeds, all at once as the live consumers read them (each in its own
    // transactions; the handlers already allow any interleaving of the feeds, and Ombudsman referrals
    // are serialised by their lock): one feed's events are decoded and applied in memory while
    // PostgreSQL writes another's. True if every feed was already at its head (nothing applied).
    private async Task<bool> CatchUpAsync(int generation, CancellationToken ct)
    {
        var applied = await Task.WhenAll(Extensions.Sources.Select(source => CatchUpAsync(generation, source, ct)));
        return applied.All(count => count == 0);
    }

    private async Task<long> CatchUpAsync(int generation, string source, CancellationToken ct)
    {
        long position;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            db.UseGeneration(generation, building: true);
            position = await FeedBatches.CheckpointAsync(db, Extensions.ConsumerName, source, ct);
        }
        var client = clients.CreateClient<EventFeed.EventFeedClient>($"feed:{source}:{Extensions.ConsumerName}");
        var head = (await client.GetHeadAsync(new GetHeadRequest(), cancellationToken: ct)).HeadPosition;
        if (position >= head)
        {
            return 0;
        }
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var call = client.Subscribe(new SubscribeRequest { AfterPosition = position }, cancellationToken: reading.Token);
        // The next batch is read from the feed while the last one is applied, so decoding events and
        // PostgreSQL's work on the batch before overlap (one batch waits at most).
        var batches = Channel.CreateBounded<List<FeedEvent>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var read = ReadBatchesAsync(call.ResponseStream, position, head, batches.Writer, reading.Token);
        long applied = 0;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await ApplyAsync(generation, source, batch, ct);
                applied += batch.Count;
            }
        }
        finally
        {
            await reading.CancelAsync();
            await read; // it ends on cancellation and never throws: its failure is the channel's
        }
        return applied;
    }

    private async Task ReadBatchesAsync(IAsyncStreamReader<FeedEvent> stream, long position, long head, ChannelWriter<List<FeedEvent>> batches, CancellationToken ct)
    {
        try
        {
            var batch = new List<FeedEvent>(Options.BatchSize);
            while (position < head && await stream.MoveNext(ct))
            {
                batch.Add(stream.Current);
                position = stream.Current.Position;
                if (batch.Count >= Options.BatchSize || position >= head)
                {
                    await batches.WriteAsync(batch, ct);
                    batch = new List<FeedEvent>(Options.BatchSize);
                }
            }
            if (batch.Count > 0)
            {
                await batches.WriteAsync(batch, ct);
            }
            batches.TryComplete();
        }
        catch (Exception ex)
        {
            batches.TryComplete(ex);
        }
    }

    private async Task ApplyAsync(int generation, string source, List<FeedEvent> batch, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        db.UseGeneration(generation, building: true);
        IFeedEventHandler<ReportingDbContext> handler = source switch
        {
            "intake" => scope.ServiceProvider.GetRequiredService<IntakeHandler>(),
            "caseworkflow" => scope.ServiceProvider.GetRequiredService<CaseWorkflowHandler>(),
            "ombudsman" => scope.ServiceProvider.GetRequiredService<OmbudsmanHandler>(),
            "compliments" => scope.ServiceProvider.GetRequiredService<ComplimentsHandler>(),
            _ => throw new InvalidOperationException($"No handler for feed {source}."),
        };
        await FeedBatches.ApplyAsync(db, Extensions.ConsumerName, source, handler, batch, ct);
    }

    // One row update, after checking (under the state row's lock) that every feed is still applied up to its head.
    private async Task SwitchAsync(int generation, CancellationToken ct)
    {
        var heads = new Dictionary<string, long>();
        foreach (var source in Extensions.Sources)
        {
            var client = clients.CreateClient<EventFeed.EventFeedClient>($"feed:{source}:{Extensions.ConsumerName}");
            heads[source] = (await client.GetHeadAsync(new GetHeadRequest(), cancellationToken: ct)).HeadPosition;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        db.UseGeneration(generation);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.State.FromSqlRaw($"SELECT * FROM {Extensions.Schema}.read_model_state WHERE id = 1 FOR UPDATE").SingleAsync(ct);
        if (state.Building != generation)
        {
            return;
        }
        var positions = await db.Set<FeedCheckpoint>().AsNoTracking().Where(c => c.Consumer == Extensions.ConsumerName)
            .ToDictionaryAsync(c => c.Source, c => c.Position, ct);
        if (heads.Any(h => positions.GetValueOrDefault(h.Key) < h.Value))
        {
            return;
        }
        await CounterBatch.FoldPendingAsync(db, generation, ct);
        if (state.Retired is { } older)
        {
            await Generations.DropAsync(db, older, ct);
        }
        state.Retired = state.Serving;
        state.Serving = generation;
        state.Building = null;
        state.SwitchedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Reporting read model generation {Generation} has caught up and now serves", generation);
    }

    private async Task DropRetiredAsync(int retired, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.State.FromSqlRaw($"SELECT * FROM {Extensions.Schema}.read_model_state WHERE id = 1 FOR UPDATE").SingleAsync(ct);
        if (state.Retired != retired)
        {
            return;
        }
        await Generations.DropAsync(db, retired, ct);
        state.Retired = null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
