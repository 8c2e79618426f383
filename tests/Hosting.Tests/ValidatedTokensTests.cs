using System.Security.Claims;
using ComplaintsPlatform.Hosting.Identity;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class ValidatedTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal Officer(string subject) =>
        new(new ClaimsIdentity([new Claim(Claims.Subject, subject), new Claim(Claims.Role, Roles.Handler)], "test", Claims.Subject, Claims.Role));

    [Fact]
    public void A_token_is_remembered_until_it_expires_when_that_is_sooner_than_the_longest()
    {
        var clock = new FakeTimeProvider(Now);
        var tokens = new ValidatedTokens(clock);
        tokens.Remember("token-a", Officer("officer-1"), Now.AddSeconds(90));

        clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal("officer-1", tokens.Find("token-a")!.FindFirst(Claims.Subject)!.Value);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Find("token-a"));
    }

    [Fact]
    public void A_long_lived_token_is_checked_again_after_the_longest_time()
    {
        var clock = new FakeTimeProvider(Now);
        var tokens = new ValidatedTokens(clock);
        tokens.Remember("token-b", Officer("officer-2"), Now.AddHours(1));

        clock.Advance(ValidatedTokens.Longest - TimeSpan.FromSeconds(1));
        Assert.NotNull(tokens.Find("token-b"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Find("token-b"));
    }

    [Fact]
    public void Only_the_exact_token_is_found_and_each_finder_gets_its_own_copy()
    {
        var tokens = new ValidatedTokens(new FakeTimeProvider(Now));
        tokens.Remember("token-c", Officer("officer-3"), Now.AddMinutes(1));
        Assert.Null(tokens.Find("token-c "));
        Assert.Null(tokens.Find("token-C"));

        var one = tokens.Find("token-c")!;
        ((ClaimsIdentity)one.Identity!).AddClaim(new Claim(Claims.Role, Roles.ComplaintsTeam));
        Assert.False(tokens.Find("token-c")!.IsInRole(Roles.ComplaintsTeam));
    }

    [Fact]
    public void An_expired_token_is_not_remembered()
    {
        var tokens = new ValidatedTokens(new FakeTimeProvider(Now));
        tokens.Remember("token-d", Officer("officer-4"), Now.AddSeconds(-1));
        Assert.Equal(0, tokens.Count);
    }
}
