using System.Diagnostics;
using ComplaintsPlatform.Hosting.Redis;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

/// <summary>
/// Redis as every service reaches it (AddOptionalRedis: Aspire's client, a circuit per use) against a
/// real redis-server that is stopped or frozen mid-test.
/// </summary>
public sealed class RedisCircuitTests : IAsyncLifetime
{
    private TestRedis _redis = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _redis = await TestRedis.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = _redis.ConnectionString,
            ["Redis:BreakFor"] = "00:00:02",
        });
        builder.AddServiceDefaults();
        builder.AddOptionalRedis();
        CountingMultiplexer.Decorate(builder.Services);
        _host = builder.Build();
        await _host.StartAsync();
        // The client connects in the background and fails fast until it has: each test starts from a
        // Redis that has answered, as its first assertion says, however slowly the machine connects.
        var connection = _host.Services.GetRequiredService<IConnectionMultiplexer>();
        var connecting = Stopwatch.StartNew();
        while (!connection.IsConnected && connecting.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _redis.Dispose();
    }

    private CountingMultiplexer Multiplexer => CountingMultiplexer.Of(_host.Services);

    private RedisCircuit Circuit(string use) => _host.Services.GetRequiredService<RedisCircuits>().For(use);

    private static Task<string> GetAsync(RedisCircuit circuit) =>
        circuit.TryAsync(async db => (string?)await db.StringGetAsync("circuit-test") ?? "(none)", "fallback").AsTask();

    [Fact]
    public async Task No_call_reaches_Redis_while_the_circuit_is_open_after_redis_server_stops()
    {
        var circuit = Circuit("test:stopped");
        Assert.True(await circuit.TryAsync(db => db.StringSetAsync("circuit-test", "cached"), false));
        Assert.Equal("cached", await GetAsync(circuit));

        _redis.Stop();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("fallback", await GetAsync(circuit));
        }
        Assert.False(circuit.IsUsable, "two failures in a row open the circuit");
        var before = Multiplexer.Calls;
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal("fallback", await GetAsync(circuit));
        }
        clock.Stop();

        Assert.Equal(before, Multiplexer.Calls);
        // At most the two calls that opened it waited, each at most the operation timeout (250 ms).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"202 calls took {clock.Elapsed.TotalMilliseconds:N0} ms");
        // Another use of the same Redis is judged apart (its own circuit), and falls back just as well.
        Assert.True(Circuit("test:other").IsUsable);
        Assert.Equal("fallback", await GetAsync(Circuit("test:other")));
    }

    [Fact]
    public async Task A_frozen_Redis_costs_one_timeout_per_call_until_the_circuit_opens_and_is_used_again_once_it_answers()
    {
        var circuit = Circuit("test:frozen");
        Assert.True(await circuit.TryAsync(db => db.StringSetAsync("circuit-test", "cached"), false));
        await _redis.FreezeAsync(TimeSpan.FromSeconds(2));

        var first = Stopwatch.StartNew();
        Assert.Equal("fallback", await GetAsync(circuit));
        first.Stop();
        Assert.Equal("fallback", await GetAsync(circuit));
        Assert.False(circuit.IsUsable);
        var before = Multiplexer.Calls;
        var open = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("fallback", await GetAsync(circuit));
        }
        open.Stop();

        // One short timeout, not the client's default of seconds (with room for a busy machine).
        Assert.InRange(first.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1500));
        Assert.Equal(before, Multiplexer.Calls);
        Assert.True(open.Elapsed < TimeSpan.FromMilliseconds(200), $"100 calls on an open circuit took {open.Elapsed.TotalMilliseconds:N0} ms");
        // After the break (2 s here) one call tests Redis, which answers again: the circuit closes.
        await Eventually.TrueAsync(async () => await GetAsync(circuit) == "cached", "the circuit closes once Redis answers", TimeSpan.FromSeconds(10));
        Assert.True(circuit.IsUsable);
    }

    [Fact]
    public async Task A_stopped_Redis_makes_the_service_degraded_not_unhealthy_and_the_check_answers_promptly()
    {
        var health = _host.Services.GetRequiredService<HealthCheckService>();
        // The connection is made at start-up in the background: healthy once it is up.
        await Eventually.TrueAsync(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy,
            "the service is healthy while Redis is up", TimeSpan.FromSeconds(20));

        _redis.Stop();
        var clock = Stopwatch.StartNew();
        var report = await health.CheckHealthAsync();
        clock.Stop();

        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal(HealthStatus.Degraded, report.Entries["StackExchange.Redis"].Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the health check took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }
}
