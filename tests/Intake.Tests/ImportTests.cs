using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using Xunit;
using static ComplaintsPlatform.Intake.Tests.Support.ContactFiles;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class ImportTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TeamToken);

    [Fact]
    public async Task Each_bad_row_is_reported_by_line_column_and_reason_while_the_good_rows_are_imported_with_their_real_dates()
    {
        var p = NewPrefix();
        var csv = Csv(
            $"{p}-1,OLD-{p},COMPLAINT,EMAIL,2019-04-03T10:15,COMPLAINT,,2019-04-04,highways,CORPORATE,Sam {p},sam-{p}@example.org,,Pothole not repaired.",
            $"{p}-2,,GRUMBLE,EMAIL,2019-04-03,COMPLAINT,,,highways,CORPORATE,Ann {p},ann-{p}@example.org,,Something.",
            $"{p}-3,,COMPLAINT,EMAIL,2099-01-01,COMPLAINT,,,highways,CORPORATE,Bo {p},bo-{p}@example.org,,Something.",
            $"{p}-4,,COMPLAINT,LETTER,2019-05-01,COMPLAINT,,,highways,,Cy {p},cy-{p}@example.org,,Something.",
            $"{p}-5,,COMPLAINT,EMAIL,2019-05-01,EXCLUDED,NOT_A_CODE,,highways,,Di {p},di-{p}@example.org,,Something.",
            $"{p}-6,,ENQUIRY,EMAIL,2019-05-01,ENQUIRY,,,waste,,Ed {p},not-an-email,,Something.",
            $"{p}-7,,SERVICE_REQUEST,PHONE,2019-06-01 14:30,SERVICE_REQUEST,,2019-06-01,waste,,Flo {p},,07700 {Random.Shared.Next(100000, 999999)},\"Street light out\nsince Monday\"",
            $"{p}-8,,COMPLAINT,EMAIL,2019-06-10,COMPLAINT,,2019-06-01,highways,CORPORATE,Gus {p},gus-{p}@example.org,,Something.",
            $"{p}-9,,COMPLAINT,EMAIL,2018-02-01,EXCLUDED,OLD_REASON,2018-02-02,highways,,Hal {p},hal-{p}@example.org,,A code since retired.");

        var report = await ImportAsync(Host, csv, TeamToken, file: $"contacts-{p}.csv");

        Assert.Equal((9, 3, 0, 6), (report.RowsRead, report.RowsImported, report.RowsUnchanged, report.RowsFailed));
        var errors = report.Errors.Select(e => (e.Line, e.Column)).ToList();
        // The quoted summary spans lines 8 and 9, so the row after it starts on line 10.
        Assert.Equal([(3, "kind"), (4, "received"), (5, "stream"), (6, "reason_code"), (7, "email"), (10, "triaged")], errors);
        Assert.Contains("GRUMBLE", report.Errors[0].Reason);
        Assert.Equal("must not be in the future", report.Errors[1].Reason);
        Assert.Equal("is before the contact was received", report.Errors[5].Reason);

        var imported = await Team.FindContactByReferenceAsync(new FindContactByReferenceRequest { Reference = $"OLD-{p}" });
        Assert.Equal((true, $"{p}-1", $"contacts-{p}.csv line 2"), (imported.Imported, imported.ImportSourceId, imported.ImportOrigin));
        // 10:15 and 09:00 on British Summer Time days.
        Assert.Equal(new DateTime(2019, 4, 3, 9, 15, 0, DateTimeKind.Utc), imported.ReceivedAt.ToDateTime());
        var triage = Assert.Single(imported.TriageHistory);
        Assert.Equal((TriageDecision.Complaint, new DateTime(2019, 4, 4, 8, 0, 0, DateTimeKind.Utc)), (triage.Decision, triage.DecidedAt.ToDateTime()));
        Assert.Equal(new[] { "Street light out\nsince Monday" }, await Host.ListAsync<string>(
            "SELECT description FROM intake.contacts WHERE import_source_id = @id AND import_line = 8", ("id", $"{p}-7")));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_row_is_refused_not_overwritten()
    {
        var p = NewPrefix();
        var rows = new[]
        {
            $"{p}-1,,COMPLAINT,EMAIL,2020-01-06,COMPLAINT,,2020-01-07,highways,CORPORATE,Ivy {p},ivy-{p}@example.org,,Missed bins.",
            $"{p}-2,,ENQUIRY,PHONE,2020-01-08,ENQUIRY,,,waste,,Jay {p},,07700 {Random.Shared.Next(100000, 999999)},When is collection?",
            $"{p}-3,,COMPLIMENT,LETTER,2020-01-09,COMPLIMENT,,,waste,,Kai {p},kai-{p}@example.org,,Thank you crew.",
        };
        var first = await ImportAsync(Host, Csv(rows), TeamToken);
        var events = await Host.ScalarAsync<long>("SELECT count(*) FROM intake.outbox_events");
        var contacts = await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts");

        var again = await ImportAsync(Host, Csv(rows), TeamToken);
        rows[0] = rows[0].Replace("Missed bins.", "Missed bins twice.");
        var changed = await ImportAsync(Host, Csv(rows), TeamToken);

        Assert.Equal((3, 0), (first.RowsImported, first.RowsFailed));
        Assert.Equal((3, 0, 3, 0), (again.RowsRead, again.RowsImported, again.RowsUnchanged, again.RowsFailed));
        Assert.Equal((0, 2, 1), (changed.RowsImported, changed.RowsUnchanged, changed.RowsFailed));
        var refused = Assert.Single(changed.Errors);
        Assert.Equal((2, "source_id"), (refused.Line, refused.Column));
        Assert.Contains("never overwrites", refused.Reason);
        Assert.Equal(events, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.outbox_events"));
        Assert.Equal(contacts, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts"));
        Assert.Equal(new[] { "Missed bins." }, await Host.ListAsync<string>(
            "SELECT description FROM intake.contacts WHERE import_source_id = @id", ("id", $"{p}-1")));
    }

    [Fact]
    public async Task A_dry_run_checks_every_row_and_changes_nothing()
    {
        var p = NewPrefix();
        var csv = Csv(
            $"{p}-1,,COMPLAINT,EMAIL,2021-03-01,COMPLAINT,,,highways,HOUSING,Lou {p},lou-{p}@example.org,,Damp flat.",
            $"{p}-2,,COMPLAINT,EMAIL,2021-03-02,SIGNPOST,,,highways,,Mo {p},mo-{p}@example.org,,GP surgery.",
            $"{p}-3,,COMPLAINT,PHONE,2021-03-03,SIGNPOST,NHS,,highways,,Ned {p},,07700 {Random.Shared.Next(100000, 999999)},GP surgery.");
        var counts = "SELECT (SELECT count(*) FROM intake.contacts) + (SELECT count(*) FROM intake.persons) * 1000 + (SELECT count(*) FROM intake.outbox_events) * 1000000";
        var before = await Host.ScalarAsync<long>(counts);

        var dry = await ImportAsync(Host, csv, TeamToken, dryRun: true);

        Assert.Equal((true, 3, 2, 1), (dry.DryRun, dry.RowsRead, dry.RowsImported, dry.RowsFailed));
        Assert.Equal((3, "reason_code"), (dry.Errors.Single().Line, dry.Errors.Single().Column));
        Assert.Equal(before, await Host.ScalarAsync<long>(counts));
        var real = await ImportAsync(Host, csv, TeamToken);
        Assert.Equal((false, 2, 0), (real.DryRun, real.RowsImported, real.RowsUnchanged));
    }
}
