using System.Text;
using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>
/// Letters and emails as other services ask for them (CaseWorkflow's CorrespondenceRequested on its
/// feed) and as Intake sends its own (the receipt), rendered, delivered and recorded.
/// </summary>
public sealed class CorrespondenceTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private V1.Intake.IntakeClient Team => Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));

    private async Task<CorrespondenceRecord> SentAsync(string contactId, string template)
    {
        CorrespondenceRecord? record = null;
        await Eventually.TrueAsync(async () =>
        {
            var list = await Team.ListCorrespondenceAsync(new ListCorrespondenceRequest { ContactId = contactId });
            record = list.Items.FirstOrDefault(i => i.TemplateCode == template && i.Status is "SENT" or "READY_TO_PRINT");
            return record is not null;
        }, $"the {template} is delivered");
        return record!;
    }

    private CorrespondenceRequested FinalResponse(SubmitReply contact, string caseId, string words, string nextBody = "NEXT_BODY_LGSCO")
    {
        var requestId = Guid.NewGuid().ToString();
        Host.Feed.CaseWorkflow.Texts[requestId] = new() { ["response"] = words };
        return new CorrespondenceRequested
        {
            RequestId = requestId,
            TemplateCode = "FINAL_RESPONSE",
            CaseId = caseId,
            ContactId = contact.ContactId,
            Facts = { ["overall"] = "FINDING_UPHELD", ["next_body"] = nextBody },
            Header = new CaseEventHeader { CaseId = caseId, ContactId = contact.ContactId, Reference = contact.Reference, Stream = ComplaintStream.Corporate, Stage = 2 },
        };
    }

    // A case event after the letters: once the person's status shows it, the feed is past them.
    private async Task FeedPastAsync(SubmitReply contact)
    {
        var marker = Guid.NewGuid().ToString();
        Host.Feed.Publish(new CaseOpened
        {
            Header = new CaseEventHeader { CaseId = marker, ContactId = contact.ContactId, Reference = contact.Reference, Stream = ComplaintStream.Corporate, Stage = 1 },
        });
        await Eventually.TrueAsync(async () => (await Host.Client().GetStatusAsync(
            new GetStatusRequest { Reference = contact.Reference, StatusToken = contact.StatusToken })).CaseProgress is not null, "the feed is past the letters");
    }

    [Fact]
    public async Task A_final_response_is_emailed_with_the_Ombudsman_signposted_and_recorded_against_its_deadline_once()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        var requested = FinalResponse(contact, "case-77", "We have reviewed the collection records.");
        requested.Deadline = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 };

        Host.Feed.Publish(requested);
        Host.Feed.RedeliverLast();

        var mail = await Host.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Our final response") && m.To.Mailboxes.Any(a => a.Address == request.Contact.Email), "the final response arrives");
        Assert.Contains("Local Government and Social Care Ombudsman", mail.TextBody);
        Assert.Contains("We have reviewed the collection records.", mail.TextBody);
        Assert.Contains("Our finding: upheld.", mail.TextBody);
        var record = await SentAsync(contact.ContactId, "final_response");
        Assert.Equal(("case-77", false, "EMAIL", "PERSON"), (record.CaseId, record.WithinDeadline, record.DeliveredBy, record.RecipientKind));
        await FeedPastAsync(contact);
        Assert.Single(Host.Smtp.Messages, m => (m.Subject ?? "").StartsWith("Our final response") && m.To.Mailboxes.Any(a => a.Address == request.Contact.Email));
        Assert.Contains("complaints.intake.v1.CorrespondenceSent", await Host.OutboxEventTypesAsync());
    }

    [Fact]
    public async Task A_large_print_adjustment_agreed_on_the_register_after_the_complaint_arrived_puts_later_letters_in_large_print()
    {
        var request = Requests.Public();
        request.Contact = new ContactDetails { Address = new PostalAddress { Lines = { "3 Market Street" }, Town = "Leicester", Postcode = "LE3 3CC" } };
        request.PreferredContactMethod = ContactMethod.Letter;
        var contact = await Host.Client().SubmitAsync(request);
        var receipt = await SentAsync(contact.ContactId, "receipt");
        Assert.False(receipt.LargePrint);
        var person = (await Team.GetContactAsync(new GetContactRequest { ContactId = contact.ContactId })).PersonId;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var review = today.AddMonths(6);
        await new Registers.RegistersClient(Host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "team-officer"))).RecordAdjustmentAsync(new RecordAdjustmentRequest
        {
            PersonId = person, Category = Adjustment.LargePrint, Description = "Letters in large print", AgreedBy = "Complaints manager",
            FromDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
            NextReviewOn = new Google.Type.Date { Year = review.Year, Month = review.Month, Day = review.Day },
        });

        Host.Feed.Publish(FinalResponse(contact, "case-79", "We have replaced the bin."));

        var letter = await SentAsync(contact.ContactId, "final_response");
        Assert.Equal(("LETTER", true), (letter.DeliveredBy, letter.LargePrint));
        var document = await Team.GetCorrespondenceDocumentAsync(new GetCorrespondenceDocumentRequest { CorrespondenceId = letter.Id });
        Assert.Contains("font-size: 18pt", Encoding.UTF8.GetString(document.Content.ToByteArray()));
    }

    [Fact]
    public async Task A_housing_final_response_signposts_the_Housing_Ombudsman()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        Host.Feed.Publish(FinalResponse(contact, "case-78", "We have repaired the damp.", nextBody: "NEXT_BODY_HOUSING_OMBUDSMAN"));
        var mail = await Host.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Our final response") && m.To.Mailboxes.Any(a => a.Address == request.Contact.Email), "the response arrives");
        Assert.Contains("Housing Ombudsman Service", mail.TextBody);
    }

    [Fact]
    public async Task The_receipt_email_links_to_the_status_page_with_a_working_token_kept_in_no_record_or_log()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);

        var mail = await Host.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == request.Contact.Email)
            && (m.Subject ?? "").StartsWith("We have received your message"), "the receipt arrives");
        var link = Regex.Match(mail.TextBody ?? "", @"http://localhost:8080/status/open\?reference=(?<reference>[^&\s]+)&token=(?<token>[A-Za-z0-9_-]+)");
        Assert.True(link.Success, mail.TextBody);
        Assert.Contains(link.Value.Replace("&", "&amp;"), mail.HtmlBody);
        var reference = Uri.UnescapeDataString(link.Groups["reference"].Value);
        var token = link.Groups["token"].Value;
        var status = await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = reference, StatusToken = token });
        Assert.Equal(contact.Reference, status.Reference);

        var record = await SentAsync(contact.ContactId, "receipt");
        var kept = await Team.GetCorrespondenceDocumentAsync(new GetCorrespondenceDocumentRequest { CorrespondenceId = record.Id });
        var keptHtml = Encoding.UTF8.GetString(kept.Content.ToByteArray());
        Assert.Contains("status/open?reference=" + contact.Reference + "&amp;token=WITHHELD", keptHtml);
        Assert.DoesNotContain(token, keptHtml);
        Assert.Equal(0L, await Host.ScalarAsync<long>(
            "SELECT count(*) FROM intake.correspondence WHERE strpos(facts_json::text, @t) > 0 OR strpos(convert_from(document, 'UTF8'), @t) > 0 OR strpos(coalesce(subject, ''), @t) > 0",
            ("t", token)));
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Large_print_letters_go_to_the_representative_when_the_person_asked_and_are_rendered_for_printing()
    {
        var request = Requests.Public();
        request.Contact = new ContactDetails { Address = new PostalAddress { Lines = { "1 High Street" }, Town = "Leicester", Postcode = "LE1 1AA" } };
        request.PreferredContactMethod = ContactMethod.Letter;
        request.Adjustments.Add(Adjustment.LargePrint);
        request.Adjustments.Add(Adjustment.ViaRepresentative);
        request.Representative = new Representative
        {
            Name = "Sam Advocate", Relationship = "advocate", ConsentRecorded = true, ConsentScope = ConsentScope.SubmitAndProgress,
            Contact = new ContactDetails { Address = new PostalAddress { Lines = { "2 Advocacy House" }, Town = "Leicester", Postcode = "LE2 2BB" } },
        };
        var contact = await Host.Client().SubmitAsync(request);

        var receipt = await SentAsync(contact.ContactId, "receipt");

        Assert.Equal(("LETTER", "REPRESENTATIVE", true, "READY_TO_PRINT"), (receipt.DeliveredBy, receipt.RecipientKind, receipt.LargePrint, receipt.Status));
        Assert.Contains("LE2 2BB", receipt.Recipient);
        var document = await Team.GetCorrespondenceDocumentAsync(new GetCorrespondenceDocumentRequest { CorrespondenceId = receipt.Id });
        var html = Encoding.UTF8.GetString(document.Content.ToByteArray());
        Assert.StartsWith("text/html", document.MediaType);
        Assert.Contains("font-size: 18pt", html);
        Assert.Contains("@page { size: A4", html);
        Assert.Contains("Sam Advocate", html);
        Assert.Contains(contact.Reference, html);
    }

    [Fact]
    public async Task A_letter_with_a_template_Intake_lacks_or_for_an_unknown_contact_is_not_queued_and_the_feed_goes_on()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        var unknownTemplate = FinalResponse(contact, "case-80", "Words");
        unknownTemplate.TemplateCode = "LOVE_LETTER";
        var unknownContact = FinalResponse(contact, "case-81", "Words");
        unknownContact.ContactId = Guid.NewGuid().ToString();
        Host.Feed.Publish(unknownTemplate);
        Host.Feed.Publish(unknownContact);

        await FeedPastAsync(contact);

        Assert.Equal(0L, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.correspondence WHERE request_id IN (@a, @b)",
            ("a", "caseworkflow:" + unknownTemplate.RequestId), ("b", "caseworkflow:" + unknownContact.RequestId)));
    }
}
