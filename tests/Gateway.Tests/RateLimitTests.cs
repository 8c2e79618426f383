using System.Net;
using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.LocalInfrastructure;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace ComplaintsPlatform.Gateway.Tests;

/// <summary>
/// Buckets are earned by verified identities only (a valid token's subject, a live API key), else
/// the client's address as the trusted proxies report it; shared by replicas through Redis.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.RedisFixture redis) : IClassFixture<RateLimitTests.RedisFixture>
{
    public sealed class RedisFixture : IAsyncLifetime
    {
        public TestRedis Redis { get; private set; } = null!;

        public async Task InitializeAsync() => Redis = await TestRedis.StartAsync();

        public Task DisposeAsync()
        {
            Redis.Dispose();
            return Task.CompletedTask;
        }
    }

    private GatewayHost Start(int burst, string? redisConnection = null, params string[] extra) => Start(burst, true, redisConnection, extra);

    private GatewayHost Start(int burst, bool trustTestTokens, string? redisConnection, string[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = burst.ToString(),
            ["ConnectionStrings:redis"] = redisConnection ?? redis.Redis.ConnectionString,
        };
        for (var i = 0; i < extra.Length; i += 2)
        {
            settings[extra[i]] = extra[i + 1];
        }
        return GatewayHost.Start(settings, trustTestTokens);
    }

    [Fact]
    public async Task A_forged_subject_earns_no_bucket_and_no_exemption_while_a_valid_token_does()
    {
        using var gateway = Start(1, null, "Gateway:RateLimit:Exempt:0", "sub:bench");
        using var otherKey = RSA.Create(2048);
        var forged = TestIdentity.Issue("bench", [Roles.ComplaintsTeam],
            signing: new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = "tests" }, SecurityAlgorithms.RsaSha256));

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, forged));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, forged));
        // The address's bucket is empty, but a verified subject has its own, and the exempt one no limit.
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, TestIdentity.Token(Roles.Handler, _officer)));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, TestIdentity.Token(Roles.Handler, _officer)));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, TestIdentity.Token(Roles.Handler, "bench")));
        }
        // A token with no subject is nobody: the address again.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, TestIdentity.Issue("", [Roles.Handler])));
    }

    [Fact]
    public async Task An_api_key_earns_a_bucket_only_if_Reporting_listed_it_as_live()
    {
        using var gateway = Start(1, null, "Gateway:RateLimit:Exempt:0", "key:rpk_live", "Gateway:RateLimit:Exempt:1", "key:rpk_invented");
        using var mux = await ConnectionMultiplexer.ConnectAsync(redis.Redis.ProbeConnectionString);
        await mux.GetDatabase().StringSetAsync(ApiKeys.RedisKey(ApiKeys.Hash("rpk_live")), "key-1", TimeSpan.FromMinutes(5));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, apiKey: "rpk_live"));
        }
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, apiKey: "rpk_invented"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, apiKey: "rpk_invented"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, apiKey: "rpk_other"));
    }

    [Fact]
    public async Task Forwarded_for_is_believed_only_from_a_configured_proxy()
    {
        // As a host started with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (Aspire sets it) would be.
        using var untrusted = Start(1, null, "ForwardedHeaders_Enabled", "true");
        Assert.Equal(HttpStatusCode.NotFound, await FromAsync(untrusted, _peer, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FromAsync(untrusted, _peer, "203.0.113.2"));

        var client = $"198.51.100.{Random.Shared.Next(1, 255)}";
        using var behindProxy = Start(1, null, "Gateway:TrustedProxies:0", "10.0.0.0/8");
        Assert.Equal(HttpStatusCode.NotFound, await FromAsync(behindProxy, "10.0.0.9", client));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FromAsync(behindProxy, "10.0.0.10", client));
        Assert.Equal(HttpStatusCode.NotFound, await FromAsync(behindProxy, "10.0.0.9", "203.0.113.77"));
    }

    [Fact]
    public async Task Two_replicas_share_a_clients_bucket_through_redis()
    {
        using var a = Start(2);
        using var b = Start(2);
        var token = TestIdentity.Token(Roles.Handler, "shared-" + Guid.NewGuid().ToString("N")[..8]);

        var refused = 0;
        for (var i = 0; i < 8; i++)
        {
            refused += await GetAsync(i % 2 == 0 ? a : b, token) == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        // Each replica on its own would let 2 through (4 in all); one shared bucket lets 2, plus a token a second.
        Assert.True(refused >= 5, $"{refused} of 8 refused");
    }

    [Fact]
    public async Task With_no_identity_provider_configured_a_token_earns_nothing_and_breaks_nothing()
    {
        using var gateway = Start(1, trustTestTokens: false, null, []);
        var token = TestIdentity.Token(Roles.Handler, _officer);

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, token));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, token));
    }

    [Fact]
    public async Task Without_redis_each_replica_limits_on_its_own_and_still_answers()
    {
        using var gateway = Start(2, $"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200");
        var token = TestIdentity.Token(Roles.Handler, "alone-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, token));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, token));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(gateway, token));
    }

    [Fact]
    public async Task With_redis_stopped_mid_run_limits_fall_back_to_this_replicas_bucket_at_once()
    {
        using var own = await TestRedis.StartAsync();
        using var gateway = Start(3, own.ConnectionString);
        var token = TestIdentity.Token(Roles.Handler, "outage-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, token));

        own.Stop();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await GetAsync(gateway, token));
        }
        clock.Stop();

        // Still limited (this replica's own bucket of 3), and no request waited for Redis.
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.Contains(HttpStatusCode.NotFound, answers);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"6 requests with Redis stopped took {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    // Replicas share buckets through the one Redis, so each test comes from an address of its own.
    private readonly string _officer = "officer-" + Guid.NewGuid().ToString("N")[..8];

    private readonly string _peer = $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";

    private async Task<HttpStatusCode> GetAsync(GatewayHost gateway, string? bearer = null, string? apiKey = null)
    {
        var context = await gateway.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/complaints.none.v1.Nothing/Call"; // a service no route claims
            c.Connection.RemoteIpAddress = IPAddress.Parse(_peer);
            if (bearer is not null)
            {
                c.Request.Headers.Authorization = "Bearer " + bearer;
            }
            if (apiKey is not null)
            {
                c.Request.Headers[ApiKeys.Header] = apiKey;
            }
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    private static async Task<HttpStatusCode> FromAsync(GatewayHost gateway, string peer, string forwardedFor)
    {
        var context = await gateway.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/complaints.none.v1.Nothing/Call"; // a service no route claims
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }
}
