using ComplaintsPlatform.TestInfrastructure;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

public sealed class ReplayTests : IAsyncLifetime
{
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_rebuild_replays_every_feed_from_zero_and_gives_identical_results()
    {
        YearGenerator.Generate(90, "r-").PublishTo(_host);
        await _host.CaughtUpAsync();
        var before = await GeneratedYearTests.SnapshotAsync(_host);

        var rebuilt = await _host.Team.RebuildAsync(new RebuildRequest { Reason = "test" });
        Assert.Equal(1, rebuilt.Generation);
        await Eventually.TrueAsync(async () => (await _host.Team.GetFeedStatusAsync(new GetFeedStatusRequest())).Feeds.All(f => f.Behind == 0 && f.Checkpoint == f.Head),
            "the replay has caught up", TimeSpan.FromSeconds(120));

        var after = await GeneratedYearTests.SnapshotAsync(_host);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(before[i].AsSpan().SequenceEqual(after[i]), $"table {i} differs after the rebuild");
        }
    }

    [Fact]
    public async Task A_redelivered_event_counts_once()
    {
        var received = new DateOnly(2025, 6, 2);
        var opened = new CaseOpened
        {
            Header = new CaseEventHeader { CaseId = "case-x", Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = D(received) },
            ServiceAreaId = Council.Highways, ReceivedAt = Noon(received),
        };
        var first = _host.CaseWorkflow.Publish(opened);
        _host.CaseWorkflow.Publish(opened, Guid.Parse(first.EventId));
        var contact = new ContactReceived { ContactId = "contact-x", Kind = ContactKind.Complaint, Channel = Channel.Email, ReceivedAt = Noon(received), ServiceAreaId = Council.Highways };
        var firstContact = _host.Intake.Publish(contact);
        _host.Intake.Publish(contact, Guid.Parse(firstContact.EventId));
        await _host.CaughtUpAsync();

        var complaints = await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Complaints));
        Assert.Equal(1, complaints.Total.Cells[0].Value);
        var contacts = await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.ChannelMix));
        Assert.Equal(1, contacts.Total.Cells[0].Value);
    }

    [Fact]
    public async Task Imported_history_appears_in_the_previous_year_columns()
    {
        // Migrated from the old system: received in 2024/25, loaded now.
        var old = new DateOnly(2024, 11, 5);
        _host.Intake.Publish(new ContactReceived { ContactId = "old-1", Kind = ContactKind.Complaint, Channel = Channel.Letter, ReceivedAt = Noon(old), ServiceAreaId = Council.Libraries, Imported = true });
        _host.Intake.Publish(new ContactTriaged { ContactId = "old-1", Decision = TriageDecision.Complaint, Kind = ContactKind.Complaint, Channel = Channel.Letter, ReceivedAt = Noon(old), TriagedAt = Noon(old), ServiceAreaId = Council.Libraries, Imported = true });
        _host.CaseWorkflow.Publish(new CaseOpened
        {
            Header = new CaseEventHeader { CaseId = "old-case-1", Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = D(old) },
            ServiceAreaId = Council.Libraries, ReceivedAt = Noon(old),
        });
        var now = new DateOnly(2025, 5, 1);
        _host.Intake.Publish(new ContactReceived { ContactId = "new-1", Kind = ContactKind.Complaint, Channel = Channel.Email, ReceivedAt = Noon(now), ServiceAreaId = Council.Libraries });
        _host.Intake.Publish(new ContactReceived { ContactId = "new-2", Kind = ContactKind.Complaint, Channel = Channel.Email, ReceivedAt = Noon(now), ServiceAreaId = Council.Libraries });
        await _host.CaughtUpAsync();

        var contacts = await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Contacts));
        var column = contacts.Columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        Assert.Equal(2, contacts.Total.Cells[column["received"]].Value);
        Assert.Equal(1, contacts.Total.Cells[column["previous_0"]].Value);
        Assert.Equal(100, contacts.Total.Cells[column["change_0"]].Value);
        var complaints = await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Complaints, grouping: Grouping.ServiceArea));
        var libraries = Assert.Single(complaints.Rows);
        Assert.Equal((0d, 1d, -100d), (libraries.Cells[0].Value, libraries.Cells[1].Value, libraries.Cells[2].Value));
    }
}
