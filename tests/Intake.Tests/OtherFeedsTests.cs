using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>What Intake takes from Compliments' and OmbudsmanLiaison's feeds.</summary>
public sealed class OtherFeedsTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));

    [Fact]
    public async Task A_compliment_that_is_really_a_complaint_goes_back_to_triage_once_and_is_then_triaged_as_usual()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public("Thank you, but the bins were still missed three times."));
        await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Compliment });
        var sentBackAt = DateTime.UtcNow.AddMinutes(-5);
        Host.Compliments.Publish(new ComplimentSentBackToTriage
        {
            ComplimentId = "compliment-12",
            ContactId = contact.ContactId,
            ReasonCode = "IS_COMPLAINT",
            SentBackBy = "officer-4",
            SentBackAt = Timestamp.FromDateTime(sentBackAt),
        });
        Host.Compliments.RedeliverLast();

        TriageQueueItem? item = null;
        await Eventually.TrueAsync(async () =>
        {
            var queue = await Team.ListTriageQueueAsync(new ListTriageQueueRequest { PageSize = 500 });
            item = queue.Items.FirstOrDefault(i => i.ContactId == contact.ContactId);
            return item is not null;
        }, "the contact is back in the triage queue");
        Assert.Equal(TriageDecision.Complaint, item!.SuggestedDecision);
        var detail = await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId });
        var sentBack = Assert.Single(detail.TriageHistory, t => t.DecidedBy == "compliments:officer-4");
        Assert.Equal(sentBackAt, sentBack.DecidedAt.ToDateTime(), TimeSpan.FromMilliseconds(1));

        var triaged = await Team.TriageAsync(new TriageRequest
        {
            ContactId = contact.ContactId, Decision = TriageDecision.Complaint, Stream = CaseWorkflow.V1.ComplaintStream.Corporate, ServiceAreaId = "waste",
        });
        Assert.Equal(TriageDecision.Complaint, triaged.TriageHistory[^1].Decision);
        // A late repeat of the same sending-back finds no compliment to move.
        Host.Compliments.Publish(new ComplimentSentBackToTriage { ComplimentId = "compliment-12", ContactId = contact.ContactId, ReasonCode = "IS_COMPLAINT", SentBackBy = "officer-4" });
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>(
            "SELECT position FROM intake.feed_checkpoints WHERE source = 'compliments'") == 3, "the repeat is consumed");
        var after = await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId });
        Assert.Equal(TriageDecision.Complaint, after.TriageHistory[^1].Decision);
        Assert.Single(after.TriageHistory, t => t.DecidedBy == "compliments:officer-4");
        var published = (await Host.ListAsync<byte[]>("SELECT payload FROM intake.outbox_events WHERE event_type = 'complaints.intake.v1.ContactTriaged'"))
            .Select(b => Any.Parser.ParseFrom(b).Unpack<ContactTriaged>()).Where(e => e.ContactId == contact.ContactId).ToList();
        Assert.Equal([TriageDecision.Compliment, TriageDecision.Complaint], published.Select(e => e.Decision));
    }

    [Fact]
    public async Task An_Ombudsman_reminder_is_one_email_to_all_the_link_officers_even_when_redelivered()
    {
        var reminderId = Guid.NewGuid().ToString();
        Host.Ombudsman.Publish(new Ombudsman.V1.ReminderDue
        {
            ReminderId = reminderId, EnquiryId = "enquiry-3", Kind = DeadlineKind.InformationRequest, SubjectId = "request-1",
            DueOn = new Google.Type.Date { Year = 2026, Month = 12, Day = 4 },
        });
        Host.Ombudsman.RedeliverLast();

        var mail = await Host.Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("enquiry-3"), "the link officers' reminder arrives");
        Assert.Equal(["link.officer.one@council.example", "link.officer.two@council.example"], mail.To.Mailboxes.Select(a => a.Address).Order());
        Assert.Contains("information request", mail.Subject);
        Assert.Contains("4 December 2026", mail.Subject);
        await Eventually.TrueAsync(async () => await Host.ScalarAsync<long>(
            "SELECT position FROM intake.feed_checkpoints WHERE source = 'ombudsman'") >= 2, "the redelivery is consumed");
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.correspondence WHERE request_id = @r", ("r", "ombudsman:reminder:" + reminderId)));
        Assert.Single(Host.Smtp.Messages, m => (m.TextBody ?? "").Contains("enquiry-3"));
    }
}
