using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class TriageTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam, "triage-officer"));

    private async Task<SubmitReply> SubmitAsync(SubmitRequest? request = null) => await Host.Client().SubmitAsync(request ?? Requests.Public());

    private async Task<RpcException> RefusedAsync(TriageRequest request) =>
        await Assert.ThrowsAsync<RpcException>(async () => await Team.TriageAsync(request));

    [Fact]
    public async Task A_complaint_needs_its_stream_and_publishes_ContactTriaged_once()
    {
        var contact = await SubmitAsync();
        var noStream = await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Complaint });
        Assert.Equal(StatusCode.InvalidArgument, noStream.StatusCode);

        var detail = await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Complaint, Stream = ComplaintStream.Corporate });

        var last = detail.TriageHistory.Single();
        Assert.Equal((TriageDecision.Complaint, ComplaintStream.Corporate, "triage-officer"), (last.Decision, last.Stream, last.DecidedBy));
        var again = await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Enquiry, ServiceAreaId = "waste" });
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(1L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.outbox_events WHERE event_type = 'complaints.intake.v1.ContactTriaged' AND position(@id::bytea in payload) > 0",
            ("id", System.Text.Encoding.UTF8.GetBytes(contact.ContactId))));
    }

    [Fact]
    public async Task Excluded_needs_an_active_reason_from_the_configured_list_and_tells_the_person_about_the_Ombudsman()
    {
        var request = Requests.Public();
        var contact = await SubmitAsync(request);
        foreach (var code in new[] { "", "NOT_A_REASON", "OLD_REASON" })
        {
            var ex = await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Excluded, ReasonCode = code });
            Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "reason_code");
        }

        var detail = await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Excluded, ReasonCode = "DAMAGES" });

        Assert.Equal("DAMAGES", detail.TriageHistory.Single().ReasonCode);
        var mail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email) && (m.Subject ?? "").StartsWith("About your message"),
            "the exclusion letter is emailed");
        Assert.Contains("claim for damages", mail.TextBody);
        Assert.Contains("Local Government and Social Care Ombudsman", mail.TextBody);
    }

    [Fact]
    public async Task Signpost_needs_a_configured_destination()
    {
        var contact = await SubmitAsync();
        Assert.Equal(StatusCode.InvalidArgument,
            (await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Signpost, ReasonCode = "MARS" })).StatusCode);

        var detail = await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.Signpost, ReasonCode = "NHS" });

        Assert.Equal(TriageDecision.Signpost, detail.TriageHistory.Single().Decision);
    }

    [Fact]
    public async Task Out_of_time_accepted_anyway_goes_on_as_a_complaint_with_its_reason_recorded()
    {
        var late = Requests.Public();
        late.HappenedOn = new Google.Type.Date { Year = 2024, Month = 1, Day = 10 };
        var contact = await SubmitAsync(late);
        var refused = await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.OutOfTime, OutOfTimeAccepted = true, Stream = ComplaintStream.Corporate });
        Assert.Contains(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "notes");

        var detail = await Team.TriageAsync(new TriageRequest
        {
            ContactId = contact.ContactId, Decision = TriageDecision.OutOfTime, OutOfTimeAccepted = true,
            Stream = ComplaintStream.Corporate, Notes = "In hospital for most of the year",
        });

        Assert.True(detail.PossiblyOutOfTime);
        var record = detail.TriageHistory.Single();
        Assert.Equal((TriageDecision.Complaint, true, "In hospital for most of the year"), (record.Decision, record.OutOfTimeAccepted, record.Notes));
    }

    [Fact]
    public async Task Out_of_time_not_accepted_is_recorded_as_such_and_the_person_is_told()
    {
        var contact = await SubmitAsync();
        var detail = await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.OutOfTime });
        Assert.Equal(TriageDecision.OutOfTime, detail.TriageHistory.Single().Decision);
        Assert.Equal(1L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.correspondence WHERE contact_id = @id AND template_code = 'triage_outcome'",
            ("id", Guid.Parse(contact.ContactId))));
    }

    [Fact]
    public async Task Resolved_by_the_complaints_team_records_what_was_done()
    {
        var contact = await SubmitAsync();
        Assert.Equal(StatusCode.InvalidArgument,
            (await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.ResolvedByComplaintsTeam })).StatusCode);

        var detail = await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.ResolvedByComplaintsTeam, Notes = "Chased the crew; bins collected next day" });

        Assert.Equal("Chased the crew; bins collected next day", detail.TriageHistory.Single().Notes);
    }

    [Theory]
    [InlineData(TriageDecision.Compliment)]
    [InlineData(TriageDecision.ReferOnlineReporting)]
    [InlineData(TriageDecision.Enquiry)]
    public async Task Other_decisions_are_recorded_with_who_decided(TriageDecision decision)
    {
        var contact = await SubmitAsync();
        var detail = await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = decision, ServiceAreaId = decision == TriageDecision.Enquiry ? "waste" : "" });
        Assert.Equal((decision, "triage-officer"), (detail.TriageHistory.Single().Decision, detail.TriageHistory.Single().DecidedBy));
    }

    [Fact]
    public async Task A_service_request_is_passed_to_its_service_whose_team_is_emailed_and_the_person_offered_to_complain()
    {
        var request = Requests.Public();
        var contact = await SubmitAsync(request);
        Assert.Equal(StatusCode.InvalidArgument,
            (await RefusedAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.ServiceRequest })).StatusCode);

        await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.ServiceRequest, ServiceAreaId = "highways", OfferToComplain = true });

        var staffMail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "highways@council.example") && (m.Subject ?? "").Contains(contact.Reference),
            "the highways team is told");
        Assert.Contains("service request", staffMail.Subject ?? "");
        await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email) && (m.Subject ?? "").StartsWith("You can make a complaint"),
            "the person is offered the choice to complain");
    }

    [Fact]
    public async Task Reclassification_goes_both_ways_with_who_when_and_why_and_an_event_each_time()
    {
        var contact = await SubmitAsync();
        await Team.TriageAsync(new TriageRequest { ContactId = contact.ContactId, Decision = TriageDecision.ServiceRequest, ServiceAreaId = "highways" });
        var noReason = await Assert.ThrowsAsync<RpcException>(async () => await Team.ReclassifyAsync(new ReclassifyRequest
        {
            ContactId = contact.ContactId, ToDecision = TriageDecision.Complaint, Stream = ComplaintStream.Corporate,
        }));
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);

        await Team.ReclassifyAsync(new ReclassifyRequest
        {
            ContactId = contact.ContactId, ToDecision = TriageDecision.Complaint, Stream = ComplaintStream.Corporate,
            Reason = "Second report ignored: dissatisfaction with the service",
        });
        var back = await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam, "second-officer")).ReclassifyAsync(new ReclassifyRequest
        {
            ContactId = contact.ContactId, ToDecision = TriageDecision.ServiceRequest, Reason = "Person only wants the pothole fixed",
        });

        var history = back.TriageHistory;
        Assert.Equal(3, history.Count);
        Assert.Equal((TriageDecision.Complaint, TriageDecision.ServiceRequest, "triage-officer"), (history[1].Decision, history[1].ReplacedDecision, history[1].DecidedBy));
        Assert.Equal((TriageDecision.ServiceRequest, TriageDecision.Complaint, "second-officer", "Person only wants the pothole fixed"),
            (history[2].Decision, history[2].ReplacedDecision, history[2].DecidedBy, history[2].Reason));
        Assert.True(history[2].DecidedAt.ToDateTime() >= history[1].DecidedAt.ToDateTime());
        Assert.Equal(2L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.outbox_events WHERE event_type = 'complaints.intake.v1.ContactReclassified' AND position(@id::bytea in payload) > 0",
            ("id", System.Text.Encoding.UTF8.GetBytes(contact.ContactId))));
    }

    [Fact]
    public async Task Reclassifying_an_untriaged_contact_is_refused()
    {
        var contact = await SubmitAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Team.ReclassifyAsync(new ReclassifyRequest
        {
            ContactId = contact.ContactId, ToDecision = TriageDecision.Enquiry, Reason = "x", ServiceAreaId = "waste",
        }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
    }
}
