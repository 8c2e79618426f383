using System.Text.Json;
using ComplaintsPlatform.Identity.Data;
using ComplaintsPlatform.Identity.Keys;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintsPlatform.Identity.Tests;

public sealed class KeyRotationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LongestTokenLifetime = TimeSpan.FromMinutes(60);

    [Fact]
    public void The_next_key_is_created_one_propagation_window_before_the_current_key_expires()
    {
        var policy = KeyRingPolicy.Default;
        var first = policy.Describe("a", "", Start, Start);

        Assert.Null(policy.SuccessorActivation([first], first.ExpiresAt - policy.Propagation - TimeSpan.FromMinutes(1)));
        Assert.Equal(first.ExpiresAt, policy.SuccessorActivation([first], first.ExpiresAt - policy.Propagation + TimeSpan.FromMinutes(1)));
        Assert.True(policy.Propagation >= LongestTokenLifetime);
        Assert.True(policy.Retention >= LongestTokenLifetime);
    }

    [Fact]
    public void A_ring_without_keys_makes_one_that_signs_at_once()
    {
        Assert.Equal(Start, KeyRingPolicy.Default.SuccessorActivation([], Start));
    }

    [Fact]
    public void The_active_key_is_the_latest_activated_and_a_retired_key_is_no_longer_published()
    {
        var policy = KeyRingPolicy.Default;
        var a = policy.Describe("a", "", Start, Start);
        var b = policy.Describe("b", "", a.ExpiresAt - policy.Propagation, a.ExpiresAt);

        Assert.Equal("a", KeyRingPolicy.Active([a, b], b.ActivatesAt - TimeSpan.FromSeconds(1))!.Id);
        Assert.Equal("b", KeyRingPolicy.Active([a, b], b.ActivatesAt)!.Id);
        Assert.Equal(["b", "a"], KeyRingPolicy.Published([a, b], b.ActivatesAt).Select(k => k.Id));
        Assert.Equal(["b"], KeyRingPolicy.Published([a, b], a.RetiresAt).Select(k => k.Id));
    }

    [Fact]
    public async Task The_next_key_is_in_the_JWKS_at_least_one_token_lifetime_before_it_signs_and_the_old_stays_until_retired()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await IdentityHost.StartAsync(clock: clock);
        var store = host.Services.GetRequiredService<SigningKeyStore>();
        var policy = host.Services.GetRequiredService<KeyRingPolicy>();

        var firstKid = Kid(await ServiceTokenAsync(host));
        Assert.Equal([firstKid], await JwksAsync(host));
        var first = store.Keys.Single();

        // Just inside the propagation window: a successor exists and is published, the first key still signs.
        clock.SetUtcNow(first.ExpiresAt - policy.Propagation + TimeSpan.FromMinutes(1));
        await store.RefreshAsync(default);
        var next = store.Keys.Single(k => k.Id != firstKid);
        Assert.Contains(next.Id, await JwksAsync(host));
        Assert.Equal(firstKid, Kid(await ServiceTokenAsync(host)));
        Assert.True(next.ActivatesAt - clock.GetUtcNow() >= LongestTokenLifetime);

        // From its activation the successor signs; the first key stays published for tokens it signed.
        clock.SetUtcNow(next.ActivatesAt);
        await store.RefreshAsync(default);
        Assert.Equal(next.Id, Kid(await ServiceTokenAsync(host)));
        Assert.Contains(firstKid, await JwksAsync(host));

        clock.SetUtcNow(first.RetiresAt);
        await store.RefreshAsync(default);
        Assert.DoesNotContain(firstKid, await JwksAsync(host));
    }

    [Fact]
    public async Task Signing_keys_survive_a_restart()
    {
        var infra = await Infrastructure.GetAsync();
        var database = await infra.Postgres.CreateDatabaseAsync();
        string before;
        await using (var host = await IdentityHost.StartAsync(database: database))
        {
            before = Kid(await ServiceTokenAsync(host));
        }
        await using (var again = await IdentityHost.StartAsync(database: database))
        {
            Assert.Equal(before, Kid(await ServiceTokenAsync(again)));
            Assert.Single(await JwksAsync(again));
        }
    }

    private static async Task<string> ServiceTokenAsync(IdentityHost host)
    {
        var (_, body) = await host.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service-intake",
            ["client_secret"] = IdentityHost.IntakeSecret,
        });
        return body.GetProperty("access_token").GetString()!;
    }

    private static string Kid(string token) => Jwt.Header(token).GetProperty("kid").GetString()!;

    private static async Task<List<string>> JwksAsync(IdentityHost host)
    {
        using var http = host.CreateClient();
        return JsonDocument.Parse(await http.GetStringAsync("/identity/.well-known/jwks")).RootElement
            .GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
