using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>CaseWorkflow's case events as Intake consumes them: the person's progress, their letters, officers' reminders.</summary>
public sealed class CaseEventsTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));

    private static CaseEventHeader Header(string caseId, SubmitReply contact, int stage = 1, int day = 3) => new()
    {
        CaseId = caseId,
        ContactId = contact.ContactId,
        Reference = contact.Reference,
        Stream = ComplaintStream.Corporate,
        Stage = stage,
        OccurredOn = new Date { Year = 2026, Month = 11, Day = day },
        RecordedAt = Timestamp.FromDateTime(DateTime.UtcNow),
        RecordedBy = "officer-1",
    };

    private static Date Day(int day) => new() { Year = 2026, Month = 12, Day = day };

    private async Task<ContactStatus> StatusAsync(SubmitReply contact, Func<ContactStatus, bool> until, string what)
    {
        ContactStatus? status = null;
        await Eventually.TrueAsync(async () =>
        {
            status = await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = contact.Reference, StatusToken = contact.StatusToken });
            return until(status);
        }, what);
        return status!;
    }

    [Fact]
    public async Task GetStatus_shows_the_case_from_opening_to_closure_as_codes_and_dates_without_staff_detail()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        var caseId = Guid.NewGuid().ToString();
        Host.Feed.Publish(new CaseOpened { Header = Header(caseId, contact, day: 2), AcknowledgeDue = Day(1), FromIntake = true });
        var opened = await StatusAsync(contact, s => s.CaseProgress is not null, "the case is opened");
        Assert.Equal(("OPEN", "AWAIT_ACKNOWLEDGEMENT", Day(1)), (opened.CaseProgress.Status, opened.CaseProgress.NextStep, opened.CaseProgress.NextDue));

        Host.Feed.Publish(new CaseAcknowledged { Header = Header(caseId, contact), RespondDue = Day(10), WithinDeadline = true });
        Host.Feed.Publish(new CaseAllocated { Header = Header(caseId, contact), TeamId = "waste-team", HandlerId = "handler-9" });
        Host.Feed.Publish(new DeadlineExtended { Header = Header(caseId, contact), NewDue = Day(17), OriginalDue = Day(10), WorkingDays = 5 });
        var extended = await StatusAsync(contact, s => s.CaseProgress.NextDue?.Day == 17, "the extension shows");
        Assert.Equal(("ACKNOWLEDGED", "AWAIT_RESPONSE"), (extended.CaseProgress.Status, extended.CaseProgress.NextStep));

        Host.Feed.Publish(new ResponseSent { Header = Header(caseId, contact, day: 20), Overall = Finding.PartlyUpheld, FinalStage = false });
        Host.Feed.Publish(new CaseClosed { Header = Header(caseId, contact, day: 20), Ending = CaseEnding.ResponseSent, Overall = Finding.PartlyUpheld });
        var closed = await StatusAsync(contact, s => s.CaseProgress.Status == "CLOSED", "the case is closed");

        var p = closed.CaseProgress;
        Assert.Equal((1, "MAY_ESCALATE", "RESPONSE_SENT", "PARTLY_UPHELD"), (p.Stage, p.NextStep, p.Ending, p.Outcome));
        Assert.Equal((2, 3, 20, 20), (p.OpenedOn.Day, p.AcknowledgedOn.Day, p.RespondedOn.Day, p.ClosedOn.Day));
        Assert.DoesNotContain("handler-9", closed.ToString());
        Assert.DoesNotContain("waste-team", closed.ToString());
    }

    [Fact]
    public async Task A_requested_stage_response_is_sent_once_with_its_words_fetched_from_CaseWorkflow_even_when_redelivered()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        var letterId = Guid.CreateVersion7().ToString();
        Host.Feed.CaseWorkflow.Texts[letterId] = new() { ["response"] = "We found the crew missed your street twice." };
        var requested = new CorrespondenceRequested
        {
            RequestId = letterId,
            TemplateCode = "STAGE_RESPONSE",
            CaseId = "case-501",
            ContactId = contact.ContactId,
            Facts = { ["stage"] = "1", ["overall"] = "PartlyUpheld", ["next_body"] = "Lgsco", ["escalation_window_due"] = "2026-12-18" },
            Header = Header("case-501", contact),
        };
        Host.Feed.Publish(requested);
        Host.Feed.RedeliverLast();
        // The same request again under a new event id (CaseWorkflow's relay published it twice).
        Host.Feed.Publish(requested);

        var mail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email)
            && (m.Subject ?? "").StartsWith("Our response to your complaint"), "the stage response arrives");
        Assert.Contains("We found the crew missed your street twice.", mail.TextBody);
        Assert.Contains("partly upheld", mail.TextBody);
        Assert.Contains("18 December 2026", mail.TextBody);
        Assert.Contains(Host.Feed.CaseWorkflow.ContentCallers, h => h is not null && h.StartsWith("Bearer "));

        var marker = Guid.NewGuid().ToString();
        Host.Feed.Publish(new CaseOpened { Header = Header(marker, contact) });
        await StatusAsync(contact, s => s.CaseProgress is not null, "the feed is past the letters");
        var letters = await Team.ListCorrespondenceAsync(new ListCorrespondenceRequest { ContactId = contact.ContactId });
        Assert.Single(letters.Items, i => i.TemplateCode == "stage_response");
        Assert.Single(Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email)
            && (m.Subject ?? "").StartsWith("Our response to your complaint"));
    }

    [Fact]
    public async Task A_late_responses_delay_notice_is_sent_with_its_reason_the_expected_date_and_the_Ombudsman()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        var letterId = Guid.CreateVersion7().ToString();
        Host.Feed.CaseWorkflow.Texts[letterId] = new() { ["delay_reasons"] = "the contractor's report is late" };
        Host.Feed.Publish(new CorrespondenceRequested
        {
            RequestId = letterId,
            TemplateCode = "DELAY_NOTICE",
            CaseId = "case-502",
            ContactId = contact.ContactId,
            Facts = { ["kind"] = "Respond", ["missed_due"] = "2026-12-01", ["expected_due"] = "2026-12-21", ["next_body"] = "HousingOmbudsman" },
            Header = Header("case-502", contact),
        });

        var mail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email)
            && (m.Subject ?? "").StartsWith("Your complaint response is delayed"), "the delay notice arrives");
        Assert.Contains("because the contractor's report is late", mail.TextBody);
        Assert.Contains("21 December 2026", mail.TextBody);
        Assert.Contains("Housing Ombudsman", mail.TextBody);
    }

    [Fact]
    public async Task While_CaseWorkflow_cannot_give_a_letters_words_case_progress_still_applies_and_the_letter_goes_when_it_returns()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        var caseId = Guid.NewGuid().ToString();
        var letterId = Guid.CreateVersion7().ToString();
        Host.Feed.CaseWorkflow.Texts[letterId] = new() { ["extension_reason"] = "the contractor's records are still being gathered" };
        var refusedBefore = Host.Feed.CaseWorkflow.ContentRefusals;
        Host.Feed.CaseWorkflow.ContentAvailable = false;
        try
        {
            Host.Feed.Publish(new CaseOpened { Header = Header(caseId, contact, day: 2), AcknowledgeDue = Day(1), FromIntake = true });
            Host.Feed.Publish(new CorrespondenceRequested
            {
                RequestId = letterId,
                TemplateCode = "EXTENSION_NOTICE",
                CaseId = caseId,
                ContactId = contact.ContactId,
                Facts = { ["new_due"] = "2026-12-23", ["next_body"] = "NEXT_BODY_LGSCO" },
                Header = Header(caseId, contact),
            });
            Host.Feed.Publish(new CaseAcknowledged { Header = Header(caseId, contact), RespondDue = Day(10), WithinDeadline = true });
            Host.Feed.Publish(new DeadlineExtended { Header = Header(caseId, contact), NewDue = Day(23), OriginalDue = Day(10), WorkingDays = 9 });

            var extended = await StatusAsync(contact, s => s.CaseProgress?.NextDue?.Day == 23, "the events after the letter apply");
            Assert.Equal("ACKNOWLEDGED", extended.CaseProgress.Status);
            await Eventually.TrueAsync(() => Task.FromResult(Host.Feed.CaseWorkflow.ContentRefusals > refusedBefore), "the dispatcher has asked CaseWorkflow in vain");
            var waiting = await Team.ListCorrespondenceAsync(new ListCorrespondenceRequest { ContactId = contact.ContactId });
            Assert.Equal("PENDING", Assert.Single(waiting.Items, i => i.TemplateCode == "extension_notice").Status);
            Assert.DoesNotContain(Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email)
                && (m.Subject ?? "").StartsWith("We need more time"));
        }
        finally
        {
            Host.Feed.CaseWorkflow.ContentAvailable = true;
        }

        var mail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email)
            && (m.Subject ?? "").StartsWith("We need more time"), "the extension notice goes once CaseWorkflow is back");
        Assert.Contains("because the contractor's records are still being gathered", mail.TextBody);
        Assert.Contains("23 December 2026", mail.TextBody);
    }

    [Fact]
    public async Task A_reminder_is_one_email_to_the_officer_or_else_to_their_team_and_a_redelivery_sends_nothing_more()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        lock (Host.Feed.CaseWorkflow.Officers)
        {
            Host.Feed.CaseWorkflow.Officers.Add(new Officer { Id = "officer-with-email", Email = "sam.handler@council.example", TeamIds = { "waste-team" } });
            Host.Feed.CaseWorkflow.Officers.Add(new Officer { Id = "officer-without-email", TeamIds = { "highways-team" } });
        }
        var caseId = Guid.NewGuid().ToString();
        Host.Feed.Publish(new ReminderDue { Header = Header(caseId, contact), OfficerId = "officer-with-email", Kind = ClockKind.Respond, Due = Day(10) });
        Host.Feed.RedeliverLast();
        Host.Feed.Publish(new ReminderDue { Header = Header(caseId, contact), OfficerId = "officer-without-email", Kind = ClockKind.Acknowledge, Due = Day(4), Overdue = true });

        var toOfficer = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "sam.handler@council.example")
            && (m.Subject ?? "").Contains(contact.Reference), "the officer's reminder arrives");
        var toTeam = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "highways@council.example")
            && (m.Subject ?? "").Contains(contact.Reference), "the team's reminder arrives");

        Assert.StartsWith("Reminder: response", toOfficer.Subject);
        Assert.Contains("10 December 2026", toOfficer.TextBody);
        Assert.StartsWith("Overdue: acknowledgement", toTeam.Subject);
        var marker = Guid.NewGuid().ToString();
        Host.Feed.Publish(new CaseOpened { Header = Header(marker, contact) });
        await StatusAsync(contact, s => s.CaseProgress is not null, "the feed is past the reminders");
        Assert.Equal(2L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.correspondence WHERE case_id = @c AND recipient_kind = 'STAFF'", ("c", caseId)));
        Assert.Single(Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "sam.handler@council.example") && (m.Subject ?? "").Contains(contact.Reference));
    }
}
