using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Events;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// A rebuild fills a new generation while reports read the serving one, and switches when it has
/// caught up. The rebuild service's own loop is slowed to an hour, so each test runs its steps itself.
/// </summary>
public sealed class GenerationTests : IAsyncLifetime
{
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Reporting:Rebuild:Poll"] = "01:00:00",
        ["Reporting:Rebuild:BatchSize"] = "40",
        ["Reporting:Rebuild:RetireAfter"] = "00:00:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RebuildService Rebuilder => _host.Services.GetServices<IHostedService>().OfType<RebuildService>().Single();

    private Task<FeedStatus> StatusAsync() => _host.Team.GetFeedStatusAsync(new GetFeedStatusRequest()).ResponseAsync;

    private async Task<double> ComplaintsAsync() =>
        (await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Complaints))).Total.Cells[0].Value;

    [Fact]
    public async Task Reports_read_the_old_generation_during_a_rebuild_and_the_new_one_after_the_switch_with_the_same_figures()
    {
        YearGenerator.Generate(60, "g-").PublishTo(_host);
        await _host.CaughtUpAsync();
        var complaints = await ComplaintsAsync();
        Assert.True(complaints > 0);

        var started = await _host.Team.RebuildAsync(new RebuildRequest { Reason = "test" });
        Assert.Equal(1, started.Generation);
        var during = await StatusAsync();
        Assert.Equal((0, 1), (during.ServingGeneration, during.BuildingGeneration));
        Assert.All(during.Feeds, f => Assert.Equal((f.Head, 0L), (f.Checkpoint, f.RebuildPosition)));
        // The new generation is empty, but reports still read the complete old one, which the live consumers keep current.
        Assert.Equal(complaints, await ComplaintsAsync());
        Open("g-live-1");
        await _host.CaughtUpAsync();
        Assert.Equal(complaints + 1, await ComplaintsAsync());
        var beforeSwitch = await GeneratedYearTests.SnapshotAsync(_host);

        await Rebuilder.RunOnceAsync(CancellationToken.None);

        var after = await StatusAsync();
        Assert.Equal((1, 0, 1), (after.ServingGeneration, after.BuildingGeneration, after.Generation));
        Assert.All(after.Feeds, f => Assert.Equal((f.Head, 0L, ""), (f.Checkpoint, f.Behind, f.Error)));
        var switched = await GeneratedYearTests.SnapshotAsync(_host);
        Assert.Equal(beforeSwitch.Count, switched.Count);
        for (var i = 0; i < beforeSwitch.Count; i++)
        {
            Assert.True(beforeSwitch[i].AsSpan().SequenceEqual(switched[i]), $"table {i} differs between the live generation and the rebuilt one");
        }
        // The fold filled the bare counters and built their key and indexes afterwards: as generation 0's.
        var indexes = await IndexesAsync(Generations.Table("counters", 0));
        Assert.Equal(2, indexes.Count);
        Assert.Contains(indexes, i => i.StartsWith("primary", StringComparison.Ordinal));
        Assert.Equal(indexes, await IndexesAsync(Generations.Table("counters", 1)));

        // The live consumers now write the new generation; the old one is dropped on the next pass.
        Open("g-live-2");
        await _host.CaughtUpAsync();
        Assert.Equal(complaints + 2, await ComplaintsAsync());
        await Rebuilder.RunOnceAsync(CancellationToken.None);
        Assert.Equal(complaints + 2, await ComplaintsAsync());
        Assert.Null(await _host.WithDbAsync(db => Task.FromResult(db.State.Single().Retired)));
    }

    [Fact]
    public async Task A_rebuild_interrupted_part_way_resumes_from_its_own_checkpoints_and_a_second_rebuild_replaces_it()
    {
        YearGenerator.Generate(60, "i-").PublishTo(_host);
        await _host.CaughtUpAsync();
        var before = await GeneratedYearTests.SnapshotAsync(_host);

        await _host.Team.RebuildAsync(new RebuildRequest { Reason = "test" });
        // Stopped (as by a restart) once the new generation has committed its first batches.
        using (var stop = new CancellationTokenSource())
        {
            var run = Rebuilder.RunOnceAsync(stop.Token);
            await Eventually.TrueAsync(async () => (await StatusAsync()).Feeds.Any(f => f.RebuildPosition > 0), "a first batch is committed", TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        var part = await StatusAsync();
        Assert.Equal((0, 1), (part.ServingGeneration, part.BuildingGeneration));
        Assert.Contains(part.Feeds, f => f.RebuildPosition > 0 && f.RebuildPosition <= f.Head);
        // The committed batches' counter changes wait in the pending table; the counters stay empty until the switch.
        Assert.True(await CountAsync(Generations.PendingCounters(1)) > 0);
        Assert.Equal(0, await CountAsync(Generations.Table("counters", 1)));

        await Rebuilder.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, (await StatusAsync()).ServingGeneration);
        AssertSame(before, await GeneratedYearTests.SnapshotAsync(_host));
        Assert.False(await ExistsAsync(Generations.PendingCounters(1)));

        // A second rebuild started while one is building abandons it and starts from zero.
        await _host.Team.RebuildAsync(new RebuildRequest { Reason = "test" });
        var third = await _host.Team.RebuildAsync(new RebuildRequest { Reason = "again" });
        Assert.Equal(3, third.Generation);
        await Rebuilder.RunOnceAsync(CancellationToken.None);
        var status = await StatusAsync();
        Assert.Equal((3, 0), (status.ServingGeneration, status.BuildingGeneration));
        AssertSame(before, await GeneratedYearTests.SnapshotAsync(_host));
    }

    [Fact]
    public async Task A_building_generation_whose_counters_already_hold_rows_takes_the_pending_sums_as_an_upsert()
    {
        YearGenerator.Generate(30, "u-").PublishTo(_host);
        await _host.CaughtUpAsync();
        var before = await GeneratedYearTests.SnapshotAsync(_host);
        var (liveRows, liveSum) = await SumAsync(Generations.Table("counters", 0));

        await _host.Team.RebuildAsync(new RebuildRequest { Reason = "test" });
        // As a rebuild begun by a version that upserted its counters batch by batch leaves them: one row
        // the pending sums must add to, and one they never touch.
        var counters = Generations.Table("counters", 1);
        var seed = $"INSERT INTO {counters} SELECT * FROM {Generations.Table("counters", 0)} ORDER BY count DESC LIMIT 1; " +
            $"INSERT INTO {counters} (metric, basis, grain, month, service_area_id, directorate_id, team_id, stream, stage, channel, kind, code, count, amount) " +
            "VALUES ('test_marker', 0, 0, DATE '2025-04-01', '', '', '', 0, 0, 0, 0, '', 7, 0)";
        await _host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(seed));
        var (_, topCount) = await SumAsync($"(SELECT * FROM {Generations.Table("counters", 0)} ORDER BY count DESC LIMIT 1) t");

        await Rebuilder.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, (await StatusAsync()).ServingGeneration);
        var (rows, sum) = await SumAsync(counters);
        Assert.Equal((liveRows + 1, liveSum + topCount + 7), (rows, sum));
        Assert.Equal(await IndexesAsync(Generations.Table("counters", 0)), await IndexesAsync(counters));
        Assert.False(await ExistsAsync(Generations.PendingCounters(1)));
        Assert.Equal(before.Count, (await GeneratedYearTests.SnapshotAsync(_host)).Count);
    }

    // Rows and the sum of their counts. The table names are the service's own, never input.
    private Task<(long Rows, long Sum)> SumAsync(string table) => _host.WithDbAsync(async db =>
    {
        var sql = $"SELECT count(*) AS rows, coalesce(sum(count), 0)::bigint AS sum FROM {table}";
        var row = await db.Database.SqlQueryRaw<RowsAndSum>(sql).SingleAsync();
        return (row.Rows, row.Sum);
    });

    private sealed record RowsAndSum(long Rows, long Sum);

    // Each index of the table: primary, unique or neither, and its definition after the table's name.
    private Task<List<string>> IndexesAsync(string table) => _host.WithDbAsync(db => db.Database.SqlQuery<string>(
        $"""
        SELECT CASE WHEN i.indisprimary THEN 'primary ' WHEN i.indisunique THEN 'unique ' ELSE '' END
               || substring(pg_get_indexdef(i.indexrelid) from ' USING .*$') AS "Value"
        FROM pg_index i WHERE i.indrelid = to_regclass({table}) ORDER BY 1
        """).ToListAsync());

    // The table names are the service's own, never input.
    private Task<long> CountAsync(string table)
    {
        var sql = $"SELECT count(*) AS \"Value\" FROM {table}";
        return _host.WithDbAsync(db => db.Database.SqlQueryRaw<long>(sql).SingleAsync());
    }

    private Task<bool> ExistsAsync(string table) => _host.WithDbAsync(db =>
        db.Database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").SingleAsync());

    private static void AssertSame(List<byte[]> expected, List<byte[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"table {i} differs after the rebuild");
        }
    }

    private void Open(string caseId)
    {
        var received = new DateOnly(2025, 6, 2);
        _host.Intake.Publish(new ContactReceived { ContactId = caseId, Kind = ContactKind.Complaint, Channel = Channel.Email, ReceivedAt = Noon(received), ServiceAreaId = Council.Highways });
        _host.CaseWorkflow.Publish(new CaseOpened
        {
            Header = new CaseEventHeader { CaseId = caseId, Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = D(received) },
            ServiceAreaId = Council.Highways, ReceivedAt = Noon(received),
        });
    }
}
