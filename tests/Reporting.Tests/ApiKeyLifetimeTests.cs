using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>An API key lives a year unless told otherwise, stops at its expiry, and shows when it was last used.</summary>
[Collection(GeneratedYearCollection.Name)]
public sealed class ApiKeyLifetimeTests(GeneratedYearFixture fixture)
{
    private ReportingHost Host => fixture.Host;

    [Fact]
    public async Task An_api_key_expires_a_year_after_issue_by_default_and_shows_its_last_use()
    {
        var issued = await Host.Team.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "Committee dashboard" });
        Assert.InRange(issued.Key.ExpiresAt.ToDateTime(), DateTime.UtcNow.AddDays(364), DateTime.UtcNow.AddDays(366));
        Assert.Null(issued.Key.LastUsedAt);

        var client = new V1.Reporting.ReportingClient(Host.CreateChannel());
        var headers = new Metadata { { "x-api-key", issued.Secret } };
        await client.GetReportAsync(ReportingHost.Request(ReportKind.Complaints), headers);
        var listed = Assert.Single((await Host.Team.ListApiKeysAsync(new ListApiKeysRequest())).Keys, k => k.KeyId == issued.Key.KeyId);
        Assert.NotNull(listed.LastUsedAt);
        Assert.InRange(listed.LastUsedAt.ToDateTime(), DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(1));

        var id = Guid.Parse(issued.Key.KeyId);
        await Host.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.GetReportAsync(ReportingHost.Request(ReportKind.Complaints), headers));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task An_api_key_may_be_given_a_shorter_life_but_not_a_past_or_endless_one()
    {
        var soon = DateTime.UtcNow.AddDays(30);
        var issued = await Host.Team.IssueApiKeyAsync(new IssueApiKeyRequest
        {
            Name = "Audit sample", ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(soon),
        });
        Assert.InRange(issued.Key.ExpiresAt.ToDateTime(), soon.AddSeconds(-1), soon.AddSeconds(1));

        foreach (var when in new[] { DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddYears(5) })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await Host.Team.IssueApiKeyAsync(new IssueApiKeyRequest
            {
                Name = "Bad", ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(when),
            }));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        }
    }
}
