using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.Intake.Tests.Support.ContactFiles;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class ImportPeopleAndEventsTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TeamToken);

    private async Task<ContactDetail> ImportedAsync(string sourceId) =>
        await Team.GetContactAsync(new GetContactRequest
        {
            ContactId = (await Host.ListAsync<Guid>("SELECT id FROM intake.contacts WHERE import_source_id = @id", ("id", sourceId))).Single().ToString(),
        });

    [Fact]
    public async Task The_same_email_and_name_links_to_the_known_person_but_the_same_email_under_another_name_is_a_new_person_flagged_as_a_possible_duplicate()
    {
        var p = NewPrefix();
        var live = Requests.Public(email: $"known-{p}@example.org");
        var known = await Host.Client().SubmitAsync(live);
        var person = (await Team.GetContactAsync(new GetContactRequest { ContactId = known.ContactId })).PersonId;

        var report = await ImportAsync(Host, Csv(
            $"{p}-1,,COMPLAINT,EMAIL,2019-01-10,COMPLAINT,,,highways,CORPORATE,  {live.Name.ToUpperInvariant()} ,KNOWN-{p}@example.org,,Same person, older complaint.",
            $"{p}-2,,COMPLAINT,EMAIL,2019-02-10,COMPLAINT,,,highways,CORPORATE,Morgan Other,known-{p}@example.org,,Someone else with that address.",
            $"{p}-3,,ENQUIRY,EMAIL,2019-03-10,ENQUIRY,,,waste,,Morgan Other,known-{p}@example.org,,The second person again."), TeamToken);

        Assert.Equal((3, 0), (report.RowsImported, report.RowsFailed));
        var same = await ImportedAsync($"{p}-1");
        var other = await ImportedAsync($"{p}-2");
        Assert.Equal(person, same.PersonId);
        Assert.Empty(same.PossibleDuplicates);
        Assert.NotEqual(person, other.PersonId);
        var flag = Assert.Single(other.PossibleDuplicates);
        Assert.Equal(person, (await Team.GetContactAsync(new GetContactRequest { ContactId = flag.OtherContactId })).PersonId);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal((3, "email"), (warning.Line, warning.Column));
        Assert.Contains("possible duplicate", warning.Reason);
        // Later rows of the same file meet the people made by earlier ones.
        Assert.Equal(other.PersonId, (await ImportedAsync($"{p}-3")).PersonId);
    }

    [Fact]
    public async Task No_receipt_letter_or_email_is_queued_for_an_imported_contact_whatever_its_decision()
    {
        var p = NewPrefix();
        var phone = $"07700 {Random.Shared.Next(100000, 999999)}";
        var report = await ImportAsync(Host, Csv(
            $"{p}-1,,COMPLAINT,EMAIL,2019-03-01,EXCLUDED,DAMAGES,,highways,,Pip {p},pip-{p}@example.org,,Car damaged.",
            $"{p}-2,,SERVICE_REQUEST,PHONE,2019-03-02,SERVICE_REQUEST,,,waste,,Quin {p},,{phone},Bin not emptied.",
            $"{p}-3,,COMPLAINT,EMAIL,2019-03-03,OUT_OF_TIME,,,highways,,Ros {p},ros-{p}@example.org,,Old matter."), TeamToken);
        var live = await Host.Client().SubmitAsync(Requests.Public());

        Assert.Equal(3, report.RowsImported);
        Assert.Equal(0L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.correspondence m JOIN intake.contacts c ON c.id = m.contact_id OR c.reference = m.reference WHERE c.import_source_id LIKE @p",
            ("p", p + "-%")));
        // The same query sees a live contact's receipt, so its silence above means something.
        Assert.Equal(1L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.correspondence m JOIN intake.contacts c ON c.id = m.contact_id WHERE c.reference = @r", ("r", live.Reference)));
    }

    [Fact]
    public async Task Imported_contacts_are_announced_by_the_live_events_marked_imported_with_their_historic_dates()
    {
        var p = NewPrefix();
        await ImportAsync(Host, Csv(
            $"{p}-1,,COMPLAINT,LETTER,2017-11-20T11:30,COMPLAINT,,2017-11-22T15:00,highways,HOUSING,Sal {p},sal-{p}@example.org,,Repairs not done."), TeamToken);
        var contact = await ImportedAsync($"{p}-1");

        var received = (await Payloads("complaints.intake.v1.ContactReceived")).Select(a => a.Unpack<ContactReceived>()).Single(e => e.ContactId == contact.ContactId);
        var triaged = (await Payloads("complaints.intake.v1.ContactTriaged")).Select(a => a.Unpack<ContactTriaged>()).Single(e => e.ContactId == contact.ContactId);

        Assert.Equal((true, new DateTime(2017, 11, 20, 11, 30, 0, DateTimeKind.Utc)), (received.Imported, received.ReceivedAt.ToDateTime()));
        Assert.Equal((true, TriageDecision.Complaint, CaseWorkflow.V1.ComplaintStream.Housing), (triaged.Imported, triaged.Decision, triaged.Stream));
        Assert.Equal((new DateTime(2017, 11, 20, 11, 30, 0, DateTimeKind.Utc), new DateTime(2017, 11, 22, 15, 0, 0, DateTimeKind.Utc)),
            (triaged.ReceivedAt.ToDateTime(), triaged.TriagedAt.ToDateTime()));
        Assert.Equal((contact.PersonId, contact.Reference, "import:importer-1"), (triaged.PersonId, triaged.Reference, triaged.TriagedBy));
    }

    [Fact]
    public async Task Only_the_complaints_team_may_import()
    {
        var csv = Csv($"{NewPrefix()}-1,,COMPLAINT,EMAIL,2019-03-01,COMPLAINT,,,highways,CORPORATE,Tam,tam@example.org,,Text.");
        foreach (var role in new[] { Roles.Staff, Roles.Handler, Roles.ServiceLead })
        {
            var denied = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(Host, csv, TestIdentity.Token(role)));
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(Host, csv, token: null));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var service = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(Host, csv, TestIdentity.ServiceToken("caseworkflow")));
        Assert.Equal(StatusCode.PermissionDenied, service.StatusCode);
    }

    [Fact]
    public async Task A_file_missing_a_required_column_is_refused_whole_with_the_columns_it_lacks()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            ImportAsync(Host, "source_id,kind,channel\r\nx-1,COMPLAINT,EMAIL\r\n", TeamToken));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("received, triage_decision, summary", refused.Status.Detail);
    }

    private async Task<List<Any>> Payloads(string type) =>
        (await Host.ListAsync<byte[]>("SELECT payload FROM intake.outbox_events WHERE event_type = @t ORDER BY id", ("t", type)))
        .ConvertAll(Any.Parser.ParseFrom);
}
