using ComplaintsPlatform.Gateway;
using ComplaintsPlatform.TestInfrastructure;

namespace ComplaintsPlatform.AppHost.Tests;

public sealed class RateLimitPartitionTests
{
    [Fact]
    public void A_client_with_a_bearer_token_is_limited_by_its_subject()
    {
        var token = TestIdentity.Token("handler", subject: "officer-42");
        Assert.Equal("sub:officer-42", ClientRateLimiting.PartitionKey($"Bearer {token}", "key-1", "10.0.0.1"));
    }

    [Fact]
    public void Without_a_token_the_api_key_then_the_remote_address_is_the_client()
    {
        Assert.Equal("key:bench", ClientRateLimiting.PartitionKey(null, "bench", "127.0.0.1"));
        Assert.Equal("ip:127.0.0.1", ClientRateLimiting.PartitionKey("Bearer not-a-jwt", null, "127.0.0.1"));
    }
}
