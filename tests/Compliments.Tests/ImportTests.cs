using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.ComplimentFiles;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

public sealed class ImportTests(ImportHost fixture) : IClassFixture<ImportHost>
{
    private ComplimentsHost Host => fixture.Host;

    [Fact]
    public async Task Each_bad_row_is_reported_by_line_column_and_reason_and_the_good_rows_are_counted_by_their_real_dates()
    {
        var p = NewPrefix();
        var csv = Csv(
            $"{p}-1,2011-06-14,{Libraries},{LibrariesCentral},officer-libraries,EMAIL,MEMBER_OF_PUBLIC,Great help with the archive.,yes,Great help with the archive.",
            $"{p}-2,2099-01-01,{Libraries},,,EMAIL,,,,",
            $"{p}-3,2011-06-15,parks,,,EMAIL,,,,",
            $"{p}-4,2011-06-16,{Highways},{LibrariesCentral},,EMAIL,,,,",
            $"{p}-5,2011-06-17,{Highways},,,EMAIL,COUNCIL_STAFF,,,",
            $"{p}-6,2011-06-18,{Highways},,,EMAIL,,,yes,",
            $"{p}-7,2011-06-19,{Highways},,,EMAIL,,,yes,Write to me at me@example.org",
            $"{p}-8,31/02/2011,{Highways},,,EMAIL,,,,",
            $"{p}-9,03/09/2011,{Highways},,,LETTER,,\"Cleared the fallen tree,\nwithin the hour.\",no,");

        var report = await ImportAsync(Host, csv, TeamToken, file: $"praise-{p}.csv");

        Assert.Equal((9, 2, 0, 7), (report.RowsRead, report.RowsImported, report.RowsUnchanged, report.RowsFailed));
        Assert.Equal([(3, "received_on"), (4, "service_area"), (5, "team"), (6, "giver"), (7, "quotable_text"), (8, "quotable_text"), (9, "received_on")],
            report.Errors.Select(e => (e.Line, e.Column)).ToList());
        Assert.Equal("must not be in the future", report.Errors[0].Reason);
        Assert.Contains("anonymised", report.Errors[5].Reason);

        var imported = await Host.WithDbAsync(db => db.Compliments.AsNoTracking().Where(c => c.ImportSourceId!.StartsWith(p)).OrderBy(c => c.ImportLine).ToListAsync());
        Assert.Equal([(new DateOnly(2011, 6, 14), 2), (new DateOnly(2011, 9, 3), 10)], imported.Select(c => (c.ReceivedOn, c.ImportLine!.Value)).ToList());
        var shown = await Host.Team().GetComplimentAsync(new GetComplimentRequest { ComplimentId = imported[0].Id.ToString() });
        Assert.Equal((true, $"praise-{p}.csv line 2", true, "Great help with the archive."), (shown.Imported, shown.ImportOrigin, shown.ConsentToQuote, shown.QuotableText));
        Assert.Equal("Cleared the fallen tree,\nwithin the hour.", imported[1].Words);
        var counts = await Host.Team().CountComplimentsAsync(new CountComplimentsRequest { Basis = YearBasis.Calendar, FromYear = 2011, ToYear = 2011 });
        Assert.Equal(2, counts.Totals.Single(t => t.Year == 2011).Count);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_row_is_refused_not_overwritten()
    {
        var p = NewPrefix();
        var rows = new[] { $"{p}-1,2012-01-05,{Waste},{WasteCollection},,PHONE,,Bins back on time.,no,", $"{p}-2,2012-01-06,{Highways},,,EMAIL,,,no," };
        var first = await ImportAsync(Host, Csv(rows), TeamToken);
        var events = (await Host.OutboxAsync()).Count;

        var again = await ImportAsync(Host, Csv(rows), TeamToken);
        rows[1] = rows[1].Replace("EMAIL", "PHONE");
        var changed = await ImportAsync(Host, Csv(rows), TeamToken);

        Assert.Equal((2, 0), (first.RowsImported, first.RowsFailed));
        Assert.Equal((0, 2, 0), (again.RowsImported, again.RowsUnchanged, again.RowsFailed));
        var refused = Assert.Single(changed.Errors);
        Assert.Equal((3, "source_id", 1), (refused.Line, refused.Column, changed.RowsUnchanged));
        Assert.Equal(events, (await Host.OutboxAsync()).Count);
        Assert.Equal(2, await Host.WithDbAsync(db => db.Compliments.CountAsync(c => c.ImportSourceId!.StartsWith(p))));
    }

    [Fact]
    public async Task A_dry_run_checks_every_row_and_changes_nothing()
    {
        var p = NewPrefix();
        var csv = Csv($"{p}-1,2013-02-01,{Highways},,,EMAIL,,,no,", $"{p}-2,2013-02-02,nowhere,,,EMAIL,,,no,");
        var events = (await Host.OutboxAsync()).Count;

        var dry = await ImportAsync(Host, csv, TeamToken, dryRun: true);

        Assert.Equal((true, 1, 1), (dry.DryRun, dry.RowsImported, dry.RowsFailed));
        Assert.Equal(events, (await Host.OutboxAsync()).Count);
        Assert.Equal(0, await Host.WithDbAsync(db => db.Compliments.CountAsync(c => c.ImportSourceId!.StartsWith(p))));
    }

    [Fact]
    public async Task Imported_compliments_are_announced_by_ComplimentRecorded_marked_imported_with_their_received_date()
    {
        var p = NewPrefix();
        await ImportAsync(Host, Csv($"{p}-1,2014-03-09,{Libraries},{LibrariesCentral},,LETTER,ON_BEHALF_OF_MEMBER_OF_PUBLIC,Kind staff.,no,"), TeamToken);
        var id = await Host.WithDbAsync(db => db.Compliments.Where(c => c.ImportSourceId == p + "-1").Select(c => c.Id).SingleAsync());

        var recorded = (await Host.OutboxAsync<ComplimentRecorded>()).Single(e => e.ComplimentId == id.ToString());

        Assert.Equal((true, 2014, 3, 9), (recorded.Imported, recorded.ReceivedOn.Year, recorded.ReceivedOn.Month, recorded.ReceivedOn.Day));
        Assert.Equal((Libraries, LibrariesCentral, Giver.OnBehalfOfMemberOfPublic), (recorded.ServiceAreaId, recorded.TeamId, recorded.Giver));
    }

    [Fact]
    public async Task An_imported_contact_triaged_as_a_compliment_becomes_an_imported_compliment()
    {
        var contactId = Guid.NewGuid().ToString();
        var published = Host.Intake.Publish(new ContactTriaged
        {
            ContactId = contactId, Reference = "OLD-77", PersonId = "person-9", Decision = TriageDecision.Compliment,
            ServiceAreaId = Waste, Kind = ContactKind.Compliment, Channel = Channel.Email, TriagedBy = "import:importer-1", Imported = true,
            ReceivedAt = Timestamp.FromDateTime(new DateTime(2015, 4, 1, 10, 0, 0, DateTimeKind.Utc)),
            TriagedAt = Timestamp.FromDateTime(new DateTime(2015, 4, 2, 10, 0, 0, DateTimeKind.Utc)),
        });
        await Host.WaitForFeedAsync("intake", published.Position);

        var compliment = await Host.WithDbAsync(db => db.Compliments.AsNoTracking().SingleAsync(c => c.ContactId == contactId));
        Assert.Equal((true, new DateOnly(2015, 4, 1)), (compliment.Imported, compliment.ReceivedOn));
        Assert.True((await Host.OutboxAsync<ComplimentRecorded>()).Single(e => e.ContactId == contactId).Imported);
    }

    [Fact]
    public async Task Only_the_complaints_team_may_import()
    {
        var csv = Csv($"{NewPrefix()}-1,2016-01-01,{Highways},,,EMAIL,,,no,");
        foreach (var role in new[] { Roles.Staff, Roles.Handler, Roles.ServiceLead })
        {
            Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => ImportAsync(Host, csv, TestIdentity.Token(role))));
        }
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => ImportAsync(Host, csv, token: null)));
    }
}
