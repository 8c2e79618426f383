using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace ComplaintsPlatform.Hosting.Redis;

/// <summary>
/// One use of Redis behind its own circuit breaker (Polly): every call is bounded by the operation
/// timeout, a disconnected multiplexer counts as a failure without being asked, and once the circuit
/// is open no call reaches Redis until the break is over. Every failure becomes the caller's fallback,
/// so a stopped or frozen Redis costs a request at most one timeout, and after that nothing.
/// </summary>
public sealed class RedisCircuit
{
    private readonly IConnectionMultiplexer? _redis;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();

    internal RedisCircuit(string use, IConnectionMultiplexer? redis, RedisCircuitOptions options, ILogger logger)
    {
        Use = use;
        _redis = redis;
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>()
                    .Handle<TimeoutRejectedException>().Handle<ObjectDisposedException>().Handle<NotConnectedException>(),
                // Quick to open: skipping an accelerator for a few seconds costs little, waiting on it costs
                // every request. One failure in ten over the last two seconds opens the circuit.
                MinimumThroughput = 2,
                FailureRatio = 0.1,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = options.BreakFor,
                StateProvider = _state,
                OnOpened = args =>
                {
                    logger.LogWarning("Redis circuit {Use} opened ({Reason}); going without Redis for {Seconds} s",
                        use, args.Outcome.Exception?.GetType().Name, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Redis circuit {Use} closed; using Redis again", use);
                    return default;
                },
            })
            .AddTimeout(options.OperationTimeout)
            .Build();
    }

    public string Use { get; }

    private long _attempts;

    /// <summary>How many calls this circuit has let through to the connection (none while it is open).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Whether a call now would be let through to Redis (not whether Redis would answer).</summary>
    public bool IsUsable => _redis is not null && _state.CircuitState is CircuitState.Closed or CircuitState.HalfOpen;

    /// <summary>The call's result, or <paramref name="fallback"/> when there is no Redis, it fails, it is too slow or the circuit is open.</summary>
    public async ValueTask<T> TryAsync<T>(Func<IDatabase, Task<T>> call, T fallback)
    {
        if (_redis is not { } redis)
        {
            return fallback;
        }
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await call(Connected(redis).GetDatabase()).WaitAsync(ct));
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            return fallback;
        }
    }

    /// <summary>A command whose answer nobody waits for (fire and forget); skipped while the circuit is open.</summary>
    public void TrySend(Action<IConnectionMultiplexer> send)
    {
        if (_redis is not { } redis)
        {
            return;
        }
        try
        {
            _pipeline.Execute(() => send(Connected(redis)));
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            // Fire and forget: nobody is waiting for it.
        }
    }

    /// <summary>A call made by a library that holds the multiplexer itself (e.g. the shared rate limiter), through this circuit.</summary>
    public async ValueTask<T> TryThroughAsync<T>(Func<CancellationToken, ValueTask<T>> call, T fallback, CancellationToken cancellationToken)
    {
        if (_redis is not { } redis)
        {
            return fallback;
        }
        try
        {
            return await _pipeline.ExecuteAsync(async ct =>
            {
                Connected(redis);
                return await call(ct).AsTask().WaitAsync(ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (IsRedisFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            return fallback;
        }
    }

    // A multiplexer that knows it has lost its connection fails here, for free, instead of queueing the command.
    private IConnectionMultiplexer Connected(IConnectionMultiplexer redis)
    {
        Interlocked.Increment(ref _attempts);
        return redis.IsConnected ? redis : throw new NotConnectedException();
    }

    private static bool IsRedisFailure(Exception ex) =>
        ex is BrokenCircuitException or NotConnectedException or RedisException or TimeoutException or TimeoutRejectedException or ObjectDisposedException
            or OperationCanceledException;

    private sealed class NotConnectedException() : Exception("Redis is not connected");
}
