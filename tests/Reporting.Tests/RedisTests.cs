using System.Diagnostics;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Redis;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        // A long break, so no half-open test of Redis falls inside a test's measurements.
        _host = await ReportingHost.StartAsync(_redis, new Dictionary<string, string?> { ["Redis:BreakFor"] = "00:01:00" });
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

    private ReportingDocuments.ReportingDocumentsClient Documents => DocumentsFixture.Client(_host, "complaints_team");

    private async Task<Document> AnnualReportAsync() => (await Documents.GetDocumentAsync(new DocumentRequest
    {
        Kind = DocumentKind.AnnualReport, Format = DocumentFormat.Markdown, Period = new V1.Period { Kind = PeriodKind.FinancialYear, Year = 2025 },
    })).Document;

    // What a reader sees, without the moment it was computed.
    private static ReportTable Figures(ReportTable table)
    {
        var figures = table.Clone();
        figures.AsOf = null;
        return figures;
    }

    private static string[] Sentences(Document document) => [.. document.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading))];

    [Fact]
    public async Task With_Redis_stopped_reports_and_the_annual_report_answer_at_once_and_correctly_and_nothing_reaches_Redis_while_its_circuit_is_open()
    {
        var year = YearGenerator.Generate(60);
        year.PublishTo(_host);
        await _host.CaughtUpAsync();
        var requests = new[] { ReportKind.Complaints, ReportKind.Timeliness, ReportKind.Findings, ReportKind.ChannelMix }
            .Select(kind => ReportingHost.Request(kind, basis: Basis.Received, grouping: Grouping.Directorate)).ToArray();
        var withRedis = new List<ReportTable>();
        foreach (var request in requests)
        {
            withRedis.Add(await _host.Team.GetReportAsync(request));
        }
        var annualWithRedis = await AnnualReportAsync();
        var cacheUpTime = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            await _host.Team.GetReportAsync(request);
        }
        cacheUpTime.Stop();

        _redis.Stop();
        var circuit = _host.Services.GetRequiredService<RedisCircuits>().For("reporting:report-cache");
        // Until the circuit opens each failed look-up is instant (the multiplexer knows it is disconnected).
        var clock = Stopwatch.StartNew();
        var asked = 0;
        while (circuit.IsUsable && asked < 40)
        {
            var i = asked++ % requests.Length;
            Assert.Equal(Figures(withRedis[i]), Figures(await _host.Team.GetReportAsync(requests[i])));
        }
        var firstRound = clock.Elapsed;
        Assert.False(circuit.IsUsable, $"the report cache's circuit is still closed after {asked} reports");
        // Other uses (API keys, feed wake-ups) have circuits of their own, so this one is counted alone.
        var calls = circuit.Attempts;

        clock.Restart();
        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(Figures(withRedis[i]), Figures(await _host.Team.GetReportAsync(requests[i])));
        }
        var secondRound = clock.Elapsed;
        clock.Restart();
        Assert.Equal(Sentences(annualWithRedis), Sentences(await AnnualReportAsync()));
        var annual = clock.Elapsed;

        Assert.Equal(calls, circuit.Attempts);
        // Before: 11–12 s per report and a 504 for the document. Now each costs its computation alone.
        Assert.True(firstRound < TimeSpan.FromSeconds(asked), $"first {asked} reports without Redis: {firstRound.TotalMilliseconds:N0} ms");
        Assert.True(secondRound < TimeSpan.FromSeconds(3), $"next {requests.Length} reports without Redis: {secondRound.TotalMilliseconds:N0} ms (cache hits with Redis: {cacheUpTime.Elapsed.TotalMilliseconds:N0} ms)");
        Assert.True(annual < TimeSpan.FromSeconds(10), $"the annual report without Redis: {annual.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task Cached_results_are_invalidated_by_new_events_and_reports_stay_correct_with_Redis_stopped()
    {
        await OpenAsync("c1");
        Assert.Equal(1, await ComplaintsAsync());
        Assert.Equal(1, await ComplaintsAsync());
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ProbeConnectionString))
        {
            // The cache is filled without the request waiting for it.
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            await Eventually.TrueAsync(async () => await server.KeysAsync(pattern: "complaints:reporting:*").AnyAsync(),
                "the report is cached");
        }

        await OpenAsync("c2");
        Assert.Equal(2, await ComplaintsAsync());

        _redis.Stop();
        Assert.Equal(2, await ComplaintsAsync());
        await OpenAsync("c3");
        Assert.Equal(3, await ComplaintsAsync());
    }
}
