using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using StackExchange.Redis;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

public sealed class RedisTests : IAsyncLifetime
{
    private TestRedis _redis = null!;
    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        _redis = await TestRedis.StartAsync();
        _host = await ReportingHost.StartAsync(_redis);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _redis.Dispose();
    }

    private async Task OpenAsync(string caseId)
    {
        var on = new DateOnly(2025, 9, 1);
        _host.CaseWorkflow.Publish(new CaseOpened
        {
            Header = new CaseEventHeader { CaseId = caseId, Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = D(on) },
            ServiceAreaId = Council.Waste, ReceivedAt = Noon(on),
        });
        await _host.CaughtUpAsync();
    }

    private async Task<double> ComplaintsAsync() => (await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Complaints))).Total.Cells[0].Value;

    [Fact]
    public async Task Cached_results_are_invalidated_by_new_events_and_reports_stay_correct_with_Redis_stopped()
    {
        await OpenAsync("c1");
        Assert.Equal(1, await ComplaintsAsync());
        Assert.Equal(1, await ComplaintsAsync());
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString))
        {
            var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "complaints:reporting:*").ToList();
            Assert.NotEmpty(keys);
        }

        await OpenAsync("c2");
        Assert.Equal(2, await ComplaintsAsync());

        _redis.Stop();
        Assert.Equal(2, await ComplaintsAsync());
        await OpenAsync("c3");
        Assert.Equal(3, await ComplaintsAsync());
    }
}
