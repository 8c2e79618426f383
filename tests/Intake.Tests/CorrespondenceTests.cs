using System.Text;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class CorrespondenceTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private IntakeInternal.IntakeInternalClient CaseWorkflow => Host.Internal(TestIdentity.ServiceToken("caseworkflow"));

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

    [Fact]
    public async Task A_final_response_is_emailed_with_the_Ombudsman_signposted_and_recorded_against_its_deadline_once()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        var send = new SendCorrespondenceRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            TemplateCode = "final_response",
            CaseId = "case-77",
            ContactId = contact.ContactId,
            Facts = { ["response_text"] = "We have reviewed the collection records.", ["outcome"] = "upheld" },
            Deadline = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 },
        };

        var first = await CaseWorkflow.SendCorrespondenceAsync(send);
        var repeat = await CaseWorkflow.SendCorrespondenceAsync(send);

        Assert.Equal((first.CorrespondenceId, false, true), (repeat.CorrespondenceId, first.Duplicate, repeat.Duplicate));
        Assert.Equal(("EMAIL", "PERSON"), (first.DeliveredBy, first.RecipientKind));
        var mail = await Host.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Our final response") && m.To.Mailboxes.Any(a => a.Address == request.Contact.Email), "the final response arrives");
        Assert.Contains("Local Government and Social Care Ombudsman", mail.TextBody);
        Assert.Contains("We have reviewed the collection records.", mail.TextBody);
        var record = await SentAsync(contact.ContactId, "final_response");
        Assert.Equal(("case-77", false), (record.CaseId, record.WithinDeadline));
        Assert.Single(Host.Smtp.Messages, m => (m.Subject ?? "").StartsWith("Our final response") && m.To.Mailboxes.Any(a => a.Address == request.Contact.Email));
        Assert.Contains("complaints.intake.v1.CorrespondenceSent", await Host.OutboxEventTypesAsync());
    }

    [Fact]
    public async Task A_housing_final_response_signposts_the_Housing_Ombudsman()
    {
        var request = Requests.Public();
        var contact = await Host.Client().SubmitAsync(request);
        await CaseWorkflow.SendCorrespondenceAsync(new SendCorrespondenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), TemplateCode = "final_response", ContactId = contact.ContactId,
            Facts = { ["ombudsman"] = "HOUSING_OMBUDSMAN" },
        });
        var mail = await Host.Smtp.WaitForAsync(m => (m.Subject ?? "").StartsWith("Our final response") && m.To.Mailboxes.Any(a => a.Address == request.Contact.Email), "the response arrives");
        Assert.Contains("Housing Ombudsman Service", mail.TextBody);
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
    public async Task A_staff_notification_goes_to_the_team_address_from_the_directory()
    {
        var reply = await CaseWorkflow.SendCorrespondenceAsync(new SendCorrespondenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), TemplateCode = "staff_notification", TeamId = "waste-team", CaseId = "case-9",
            Facts = { ["subject"] = "Case case-9 allocated to your team", ["message"] = "Please allocate a handler." },
        });

        Assert.Equal("STAFF", reply.RecipientKind);
        var mail = await Host.Smtp.WaitForAsync(m => m.Subject == "Case case-9 allocated to your team", "the team is notified");
        Assert.Equal("waste@council.example", mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task An_unknown_template_or_missing_contact_is_refused()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await CaseWorkflow.SendCorrespondenceAsync(new SendCorrespondenceRequest
        {
            RequestId = "x1", TemplateCode = "love_letter", ContactId = Guid.NewGuid().ToString(),
        }));
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await CaseWorkflow.SendCorrespondenceAsync(new SendCorrespondenceRequest
        {
            RequestId = "x2", TemplateCode = "acknowledgement", ContactId = Guid.NewGuid().ToString(),
        }));
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.NotFound), (unknown.StatusCode, missing.StatusCode));
    }
}
