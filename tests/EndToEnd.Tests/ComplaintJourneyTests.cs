using ComplaintsPlatform.CaseWorkflow.V1;
using Grpc.Core;
using IntakeClient = ComplaintsPlatform.Intake.V1.Intake.IntakeClient;
using IntakeV1 = ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>A complaint's whole life across the services, every call through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ComplaintJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_public_complaint_is_triaged_opened_answered_and_closed_with_the_letters_Intake_recorded()
    {
        using var channel = platform.GatewayChannel();
        var intake = new IntakeClient(channel);
        var cases = new Cases.CasesClient(channel);
        var team = Bearer("complaints_team");

        // Anonymous: the person asks for letters, so nothing depends on a mail server.
        var submitted = await intake.SubmitAsync(new IntakeV1.SubmitRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            Kind = IntakeV1.ContactKind.Complaint,
            Name = "Jo Reader",
            Contact = new IntakeV1.ContactDetails { Address = new IntakeV1.PostalAddress { Lines = { "1 Library Lane" }, Town = "Shiretown", Postcode = "SH1 1AA" } },
            PreferredContactMethod = IntakeV1.ContactMethod.Letter,
            Description = $"The mobile library stopped visiting our village without notice ({Guid.NewGuid():N}).",
            OutcomeSought = "Restore the visits.",
            ServiceAreaId = "libraries",
        });

        // Intake may not have CaseWorkflow's service areas yet just after start-up.
        await Until(async () =>
        {
            try
            {
                await intake.TriageAsync(new IntakeV1.TriageRequest
                {
                    ContactId = submitted.ContactId, Decision = IntakeV1.TriageDecision.Complaint,
                    Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries",
                }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                return false;
            }
        }, "Intake accepts the triage as a corporate complaint about libraries");

        Case? opened = null;
        await Until(async () =>
        {
            try
            {
                opened = await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = submitted.Reference }, team);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, "CaseWorkflow opens the case from Intake's event");

        var id = opened!.Id;
        await cases.AcknowledgeAsync(new AcknowledgeRequest { CaseId = id, About = "Mobile library visits stopped", OutcomeSought = "Restore the visits" }, team);
        var defined = await cases.DefineIssueAsync(new DefineIssueRequest { CaseId = id, Summary = "Visits stopped without notice" }, team);
        await cases.AllocateAsync(new AllocateRequest { CaseId = id, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "officer-lib-01" }, team);
        var answered = await cases.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = id,
            Findings = { new IssueFinding { IssueId = defined.Issues.Single().Id, Finding = Finding.Upheld } },
            Overall = Finding.Upheld,
            Text = "The route was changed in error; visits resume next week and we apologise.",
        }, team);
        Assert.Equal(CaseStatus.Closed, answered.Status);

        IntakeV1.CorrespondenceList? letters = null;
        await Until(async () =>
        {
            letters = await intake.ListCorrespondenceAsync(new IntakeV1.ListCorrespondenceRequest { ContactId = submitted.ContactId }, team);
            return letters.Items.Any(i => i.TemplateCode == "receipt")
                && letters.Items.Any(i => i.TemplateCode is "stage_response" or "final_response" && i.Status == "READY_TO_PRINT");
        }, "Intake has recorded the receipt and the response letter");
        var response = letters!.Items.First(i => i.TemplateCode is "stage_response" or "final_response");
        Assert.Equal((id, "LETTER", "PERSON"), (response.CaseId, response.DeliveredBy, response.RecipientKind));
        var document = await intake.GetCorrespondenceDocumentAsync(new IntakeV1.GetCorrespondenceDocumentRequest { CorrespondenceId = response.Id }, team);
        Assert.Contains("visits resume next week", document.Content.ToStringUtf8());

        IntakeV1.ContactStatus? status = null;
        await Until(async () =>
        {
            status = await intake.GetStatusAsync(new IntakeV1.GetStatusRequest { Reference = submitted.Reference, StatusToken = submitted.StatusToken });
            return status.CaseProgress?.Status == "CLOSED";
        }, "GetStatus shows the case closed");
        Assert.Equal(("RESPONSE_SENT", "UPHELD"), (status!.CaseProgress.Ending, status.CaseProgress.Outcome));
    }

    private CallOptions Bearer(string role) => new(new Metadata { { "Authorization", $"Bearer {platform.Token(role)}" } });

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(200);
        }
    }
}
