using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using Date = Google.Type.Date;
using RetentionClient = ComplaintsPlatform.Intake.V1.Retention.RetentionClient;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>
/// Intake's retention job: contacts, their letters and files, register entries and the access log,
/// under the schedule CaseWorkflow announces; legal holds and approved erasures. Each test plants its
/// own marker and looks for it in every row of the schema that could hold it.
/// </summary>
public sealed class RetentionTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>, IAsyncLifetime
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam, "triage-officer"));

    private RetentionClient Jobs => new(Host.CreateChannel(TestIdentity.Token(Roles.DataProtectionOfficer, "dpo-1")));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        if (await Host.ScalarAsync<long>("SELECT count(*) FROM intake.retention_rules") > 0)
        {
            return;
        }
        var configuration = SyntheticCaseWorkflowFeed.DefaultConfiguration().OfType<CouncilConfigurationChanged>().Single().Clone();
        configuration.Version = 2;
        configuration.Retention = new RetentionRules { Rules = { RetentionSchedule.Complete([]) } };
        Host.Feed.Publish(configuration);
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>("SELECT count(*) FROM intake.retention_rules") == 8, "the schedule is applied");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static RunRetentionRequest AsOf(DateOnly day) => new() { AsOf = new Date { Year = day.Year, Month = day.Month, Day = day.Day } };

    private static SubmitRequest Marked(string marker)
    {
        var request = Requests.Public(description: $"{marker} the bins were missed", email: $"{marker}@example.org");
        request.Name = marker + " Person";
        request.Contact.Phone = "07700 900" + Random.Shared.Next(100, 999);
        request.Contact.Address = new PostalAddress { Lines = { marker + " Street" }, Town = "Anytown", Postcode = "ZX1 9QZ" };
        request.OutcomeSought = marker + " outcome";
        request.Attachments.Add(new AttachmentUpload
        {
            FileName = marker + ".txt", ContentType = "text/plain", Content = ByteString.CopyFromUtf8("Dear council, " + marker),
        });
        return request;
    }

    private static string NewMarker() => "ZQX" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>The Intake tables (outbox aside, checked separately) with a row holding the marker, bytes read as text: where a marker could hide.</summary>
    private async Task<List<string>> TablesWithAsync(string marker)
    {
        var tables = await Host.ListAsync<string>(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'intake' AND table_type = 'BASE TABLE' AND table_name <> 'outbox_events'");
        var found = new List<string>();
        foreach (var table in tables)
        {
            if (await Host.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM intake.\"{table}\" t WHERE t::text ILIKE '%' || @m || '%')", ("m", marker)))
            {
                found.Add(table);
            }
        }
        if (await Host.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM intake.attachments WHERE convert_from(content, 'UTF8') ILIKE '%' || @m || '%')", ("m", marker)))
        {
            found.Add("attachments.content");
        }
        if (await Host.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM intake.correspondence WHERE encode(document, 'escape') ILIKE '%' || @m || '%')", ("m", marker)))
        {
            found.Add("correspondence.document");
        }
        return found;
    }

    [Fact]
    public async Task A_contact_not_taken_forward_loses_every_personal_detail_two_years_after_triage_and_keeps_its_codes()
    {
        var marker = NewMarker();
        var contact = await Host.Client().SubmitAsync(Marked(marker));
        await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Enquiry, ServiceAreaId = "waste", Notes = marker + " notes" });
        Assert.NotEmpty(await TablesWithAsync(marker));

        var early = await Jobs.RunRetentionAsync(AsOf(Today.AddMonths(24).AddDays(-1)));
        // Two sweeps at once, as two replicas' daily jobs would: the contact is anonymised by one of them, once.
        var due = await Task.WhenAll(Jobs.RunRetentionAsync(AsOf(Today.AddMonths(24))).ResponseAsync, Jobs.RunRetentionAsync(AsOf(Today.AddMonths(24))).ResponseAsync);

        Assert.DoesNotContain(early.Removed, r => r.RecordId == contact.ContactId);
        Assert.Single(due.SelectMany(d => d.Removed), r => (r.Kind, r.Action, r.RecordId) == (RetentionKind.ContactNotTakenForward, RetentionAction.Anonymise, contact.ContactId));
        Assert.Empty(await TablesWithAsync(marker));
        var kept = await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId });
        Assert.Equal((ContactKind.Complaint, TriageDecision.Enquiry, contact.Reference, ""), (kept.Kind, kept.TriageHistory.Last().Decision, kept.Reference, kept.Name));
        var removed = (await Host.ListAsync<byte[]>("SELECT payload FROM intake.outbox_events WHERE event_type = 'complaints.common.v1.PersonalDataRemoved'"))
            .Select(p => Any.Parser.ParseFrom(p).Unpack<PersonalDataRemoved>()).ToList();
        Assert.Single(removed, e => e.RecordIds.Contains(contact.ContactId));
        var outbox = await Host.ListAsync<byte[]>("SELECT payload FROM intake.outbox_events");
        Assert.DoesNotContain(outbox, p => System.Text.Encoding.UTF8.GetString(p).Contains(marker));
    }

    [Fact]
    public async Task A_complaints_contact_is_kept_until_six_years_after_its_case_closed()
    {
        var marker = NewMarker();
        var contact = await Host.Client().SubmitAsync(Marked(marker));
        await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Complaint, Stream = ComplaintStream.Corporate });
        var caseId = Guid.NewGuid().ToString();
        var closedOn = Today.AddDays(-1);
        Host.Feed.Publish(new CaseOpened { Header = Header(caseId, contact, Today.AddDays(-2)), FromIntake = true });
        var beforeClosing = await Jobs.RunRetentionAsync(AsOf(Today.AddYears(20)));
        Host.Feed.Publish(new CaseClosed { Header = Header(caseId, contact, closedOn), Ending = CaseEnding.Withdrawn });
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.case_progress WHERE case_id = @id AND closed_on IS NOT NULL", ("id", caseId)) == 1, "the case is closed");

        var early = await Jobs.RunRetentionAsync(AsOf(closedOn.AddMonths(72).AddDays(-1)));
        var due = await Jobs.RunRetentionAsync(AsOf(closedOn.AddMonths(72)));

        Assert.DoesNotContain(beforeClosing.Removed, r => r.RecordId == contact.ContactId);
        Assert.DoesNotContain(early.Removed, r => r.RecordId == contact.ContactId);
        Assert.Contains(due.Removed, r => r.Kind == RetentionKind.ClosedCase && r.RecordId == contact.ContactId);
        Assert.Empty(await TablesWithAsync(marker));
    }

    [Fact]
    public async Task A_legal_hold_on_the_person_keeps_their_contacts_and_registers_until_released()
    {
        var marker = NewMarker();
        var contact = await Host.Client().SubmitAsync(Marked(marker));
        await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Enquiry, ServiceAreaId = "waste" });
        var personId = (await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId })).PersonId;
        var holdId = Guid.NewGuid().ToString();
        Host.Feed.Publish(new LegalHoldChanged { HoldId = holdId, Active = true, PersonId = personId });
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>("SELECT count(*) FROM intake.legal_holds_applied WHERE person_id = @p", ("p", personId)) == 1, "the hold is applied");

        var held = await Jobs.RunRetentionAsync(AsOf(Today.AddYears(10)));
        Assert.DoesNotContain(held.Removed, r => r.RecordId == contact.ContactId);
        Assert.NotEmpty(await TablesWithAsync(marker));

        Host.Feed.Publish(new LegalHoldChanged { HoldId = holdId, Active = false });
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>("SELECT count(*) FROM intake.legal_holds_applied WHERE person_id = @p", ("p", personId)) == 0, "the hold is released");
        var released = await Jobs.RunRetentionAsync(AsOf(Today.AddYears(10)));
        Assert.Contains(released.Removed, r => r.RecordId == contact.ContactId);
        Assert.Empty(await TablesWithAsync(marker));
    }

    [Fact]
    public async Task An_ended_register_entry_is_anonymised_six_years_after_it_ended_and_a_running_one_never()
    {
        var marker = NewMarker();
        var contact = await Host.Client().SubmitAsync(Marked(marker));
        var personId = (await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId })).PersonId;
        var registers = new Registers.RegistersClient(Host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "team-officer")));
        var ended = await registers.RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = personId, Category = Adjustment.EasyRead, Description = marker + " easy read", AgreedBy = "Complaints manager",
            FromDate = D(Today.AddDays(-30)), NextReviewOn = D(Today.AddDays(30)),
        });
        await registers.ReviewAdjustmentAsync(new ReviewAdjustmentRequest { AdjustmentId = ended.Id, ReviewedOn = D(Today), Outcome = ReviewOutcome.End, Notes = marker + " review" });
        var running = await registers.RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = personId, Category = Adjustment.LargePrint, Description = "Large print", AgreedBy = "Complaints manager",
            FromDate = D(Today.AddDays(-30)), NextReviewOn = D(Today.AddDays(30)),
        });

        var run = await Jobs.RunRetentionAsync(AsOf(Today.AddMonths(72)));

        Assert.Contains(run.Removed, r => r.Kind == RetentionKind.RegisterEntry && r.RecordId == ended.Id);
        Assert.DoesNotContain(run.Removed, r => r.RecordId == running.Id);
        var registersText = await Host.ScalarAsync<string>(
            "SELECT coalesce(string_agg(t::text, ''), '') FROM (SELECT description AS x FROM intake.person_adjustments UNION ALL SELECT notes FROM intake.register_reviews) t");
        Assert.DoesNotContain(marker, registersText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_access_log_is_erased_two_years_after_each_read()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId });
        Assert.True(await Host.ScalarAsync<long>("SELECT count(*) FROM intake.access_log WHERE contact_id = @c", ("c", Guid.Parse(contact.ContactId))) > 0);

        var run = await Jobs.RunRetentionAsync(AsOf(Today.AddMonths(24).AddDays(1)));

        Assert.Contains(run.Removed, r => r.Kind == RetentionKind.AccessLog);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.access_log WHERE contact_id = @c", ("c", Guid.Parse(contact.ContactId))));
    }

    [Fact]
    public async Task An_approved_erasure_anonymises_every_contact_of_the_person_at_once_even_one_not_yet_triaged()
    {
        var marker = NewMarker();
        var contact = await Host.Client().SubmitAsync(Marked(marker));
        var personId = (await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId })).PersonId;

        var requestId = Guid.NewGuid().ToString();
        Host.Feed.Publish(new ErasureApproved { RequestId = requestId, PersonId = personId });
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.retention_runs WHERE erasure_request_id = @r", ("r", requestId)) == 1, "the erasure is carried out");

        Assert.Empty(await TablesWithAsync(marker));
        Assert.True(await Host.ScalarAsync<bool>("SELECT match_key IS NULL FROM intake.persons WHERE id = @p", ("p", Guid.Parse(personId))));
    }

    private static CaseEventHeader Header(string caseId, SubmitReply contact, DateOnly on) => new()
    {
        CaseId = caseId, ContactId = contact.ContactId, Reference = contact.Reference, Stream = ComplaintStream.Corporate, Stage = 1,
        OccurredOn = D(on), RecordedAt = Timestamp.FromDateTime(DateTime.UtcNow), RecordedBy = "officer-1",
    };

    private static Date D(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
