using System.Diagnostics;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>
/// Event-to-report lag under steady intake: contacts are published into the Intake feed at a fixed
/// rate while Reporting's real consumers follow it, and a report query runs in a loop; an event's lag
/// is from its publication (the source's commit, as the feed sees it) to the end of the first report
/// query that counts it.
/// </summary>
internal static class Lag
{
    // A month no generated data touches, so the report's total is exactly the contacts published here.
    private static readonly DateOnly Month = new(2031, 1, 1);

    public static async Task<(double P50, double P99, int Events)> RunAsync(
        DbContextOptions<ReportingDbContext> options, string connection, int perSecond, TimeSpan duration)
    {
        await using var consumers = await LiveConsumers.StartAsync(options, connection, batchSize: 100);
        var clock = Stopwatch.StartNew();
        var published = new List<double>();
        var lags = new List<double>();
        var publishing = PublishAsync(consumers, perSecond, duration, clock, published);
        var seen = 0;
        while (!publishing.IsCompleted || seen < PublishedCount(published))
        {
            var visible = await CountAsync(options);
            var now = clock.Elapsed.TotalMilliseconds;
            lock (published)
            {
                for (; seen < visible && seen < published.Count; seen++)
                {
                    lags.Add(now - published[seen]);
                }
            }
        }
        await publishing;
        lags.Sort();
        return (lags[lags.Count / 2], lags[(int)Math.Ceiling(0.99 * lags.Count) - 1], lags.Count);
    }

    private static int PublishedCount(List<double> published)
    {
        lock (published)
        {
            return published.Count;
        }
    }

    private static async Task PublishAsync(LiveConsumers consumers, int perSecond, TimeSpan duration, Stopwatch clock, List<double> published)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        var at = Timestamp.FromDateTime(Month.AddDays(14).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var total = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < total && await timer.WaitForNextTickAsync(); i++)
        {
            lock (published)
            {
                consumers.Intake.Publish(new ContactReceived
                {
                    ContactId = $"lag-{i}", Kind = ContactKind.Complaint, Channel = Channel.Email, ReceivedAt = at, ServiceAreaId = "sa-" + (i % BulkLoad.Areas),
                });
                published.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
    }

    private static async Task<long> CountAsync(DbContextOptions<ReportingDbContext> options)
    {
        await using var db = new ReportingDbContext(options);
        var table = await new ReportBuilder(db, TimeProvider.System).BuildAsync(new ReportRequest
        {
            Report = ReportKind.ChannelMix, Basis = Basis.Received, Grouping = Grouping.Council,
            Period = new Period { Kind = PeriodKind.Month, Year = Month.Year, Number = Month.Month },
        }, new ReportAudience(false, null), CancellationToken.None);
        return (long)table.Total.Cells[0].Value;
    }
}
