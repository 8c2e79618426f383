using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>PublicIntake: the anonymous form choices, and the person's own requests by reference and status token.</summary>
public sealed class PublicIntakeTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private PublicIntake.PublicIntakeClient Public() => new(Host.CreateChannel());

    [Fact]
    public async Task The_public_form_offers_the_councils_services_by_name_and_the_attachment_limits_without_a_token()
    {
        PublicForm? form = null;
        await Eventually.TrueAsync(async () =>
        {
            form = await Public().GetPublicFormAsync(new GetPublicFormRequest());
            return form.CouncilName.Length > 0;
        }, "Intake has the council configuration");

        Assert.Equal("Test County Council", form!.CouncilName);
        var env = Assert.Single(form.Directorates);
        Assert.Equal(("env", "Environment & Transport"), (env.Id, env.Name));
        Assert.Equal(["Highways", "Waste"], env.ServiceAreas.Select(a => a.Name));
        Assert.Equal((10, 3L * 1024 * 1024), (form.MaxAttachments, form.MaxAttachmentBytes));
        Assert.Contains(".pdf", form.AllowedAttachmentExtensions);
        Assert.Equal([ContactKind.Complaint, ContactKind.Compliment, ContactKind.Comment], form.Kinds);
    }

    [Fact]
    public async Task ValidateSubmission_gives_Submits_field_violations_and_records_nothing()
    {
        var request = Requests.Public();
        request.Contact.Email = "not-an-email@";
        request.Attachments.Add(new AttachmentUpload { FileName = "run.exe", ContentType = "application/octet-stream", Content = ByteString.CopyFrom(0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00) });
        var before = await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts");

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Public().ValidateSubmissionAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("contact.email", fields);
        Assert.Contains("attachments[0].content", fields);
        await Public().ValidateSubmissionAsync(Requests.Public());
        Assert.Equal(before, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts"));
    }

    [Fact]
    public async Task Added_information_is_kept_once_per_client_request_id_and_a_wrong_token_is_NOT_FOUND()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        var request = new AddInformationRequest
        {
            Reference = contact.Reference, StatusToken = contact.StatusToken, ClientRequestId = Guid.NewGuid().ToString(), Text = "The bin was missed again today.",
            Attachments = { new AttachmentUpload { FileName = "photo.jpg", ContentType = "image/jpeg", Content = ByteString.CopyFrom(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10) } },
        };

        var first = await Public().AddInformationAsync(request);
        var again = await Public().AddInformationAsync(request);

        Assert.Equal((contact.Reference, false, true), (first.Reference, first.Duplicate, again.Duplicate));
        Assert.Equal(1, await Host.ScalarAsync<long>($"SELECT count(*) FROM intake.public_requests WHERE contact_id = '{contact.ContactId}'"));
        Assert.Equal(1, await Host.ScalarAsync<long>($"SELECT count(*) FROM intake.attachments WHERE contact_id = '{contact.ContactId}'"));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await Public().AddInformationAsync(
            new AddInformationRequest { Reference = contact.Reference, StatusToken = "guessed", ClientRequestId = Guid.NewGuid().ToString(), Text = "x" }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await Public().AddInformationAsync(
            new AddInformationRequest { Reference = "CP-1999-000001", StatusToken = "guessed", ClientRequestId = Guid.NewGuid().ToString(), Text = "x" }));
        Assert.Equal((StatusCode.NotFound, wrong.Status.Detail), (unknown.StatusCode, unknown.Status.Detail));
    }

    [Fact]
    public async Task Added_information_is_checked_by_the_attachment_rules_of_a_submission()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Public().AddInformationAsync(new AddInformationRequest
        {
            Reference = contact.Reference, StatusToken = contact.StatusToken, ClientRequestId = Guid.NewGuid().ToString(),
            Attachments = { new AttachmentUpload { FileName = "big.pdf", ContentType = "application/pdf", Content = ByteString.CopyFrom([.. "%PDF-"u8, .. new byte[3 * 1024 * 1024]]) } },
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "attachments[0].content");
        Assert.Equal(0, await Host.ScalarAsync<long>($"SELECT count(*) FROM intake.public_requests WHERE contact_id = '{contact.ContactId}'"));
    }

    [Fact]
    public async Task Next_stage_and_withdrawal_need_a_case_then_go_to_CaseWorkflow_once_per_client_request_id()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        var ask = new RequestNextStageRequest { Reference = contact.Reference, StatusToken = contact.StatusToken, ClientRequestId = Guid.NewGuid().ToString(), Reasons = "The response missed the point." };
        var early = await Assert.ThrowsAsync<RpcException>(async () => await Public().RequestNextStageAsync(ask));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);

        Host.Feed.Publish(new CaseOpened { Header = Header(contact), FromIntake = true });
        await Eventually.TrueAsync(async () =>
            (await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = contact.Reference, StatusToken = contact.StatusToken })).CaseProgress is not null,
            "the case is known to Intake");

        await Public().RequestNextStageAsync(ask);
        var repeat = await Public().RequestNextStageAsync(ask);
        await Public().WithdrawAsync(new WithdrawRequest { Reference = contact.Reference, StatusToken = contact.StatusToken, ClientRequestId = Guid.NewGuid().ToString() });

        Assert.True(repeat.Duplicate);
        var relayed = Host.Feed.CaseWorkflow.PersonRequests.Where(r => r.ContactId == contact.ContactId).Select(r => r.Rpc).ToList();
        Assert.Equal(["RequestEscalation", "Withdraw"], relayed);
    }

    [Fact]
    public async Task CaseWorkflows_refusal_reaches_the_person_in_its_own_words_and_leaves_nothing_recorded()
    {
        var contact = await Host.Client().SubmitAsync(Requests.Public());
        Host.Feed.Publish(new CaseOpened { Header = Header(contact), FromIntake = true });
        await Eventually.TrueAsync(async () =>
            (await Host.Client().GetStatusAsync(new GetStatusRequest { Reference = contact.Reference, StatusToken = contact.StatusToken })).CaseProgress is not null,
            "the case is known to Intake");
        Host.Feed.CaseWorkflow.RefuseWith = "Stage 1 has not been answered yet: escalation follows the response.";
        try
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await Public().RequestNextStageAsync(new RequestNextStageRequest
            {
                Reference = contact.Reference, StatusToken = contact.StatusToken, ClientRequestId = Guid.NewGuid().ToString(),
            }));
            Assert.Equal((StatusCode.FailedPrecondition, "Stage 1 has not been answered yet: escalation follows the response."), (ex.StatusCode, ex.Status.Detail));
            Assert.Equal(0, await Host.ScalarAsync<long>($"SELECT count(*) FROM intake.public_requests WHERE contact_id = '{contact.ContactId}'"));
        }
        finally
        {
            Host.Feed.CaseWorkflow.RefuseWith = null;
        }
    }

    private static CaseEventHeader Header(SubmitReply contact) => new()
    {
        CaseId = Guid.NewGuid().ToString(),
        ContactId = contact.ContactId,
        Reference = contact.Reference,
        Stream = ComplaintStream.Corporate,
        Stage = 1,
        OccurredOn = new Google.Type.Date { Year = 2026, Month = 11, Day = 2 },
        RecordedAt = Timestamp.FromDateTime(DateTime.UtcNow),
        RecordedBy = "officer-1",
    };
}
