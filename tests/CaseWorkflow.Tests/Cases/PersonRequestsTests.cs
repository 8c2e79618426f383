using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>The person's own requests, relayed by Intake: the same Case commands and rules as the team's.</summary>
public sealed class PersonRequestsTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private PersonRequests.PersonRequestsClient Intake => new(fx.Host.CreateChannel(TestIdentity.ServiceToken("intake")));

    private async Task<(V1.Case Case, string ContactId)> ReadyAsync()
    {
        var contactId = Guid.NewGuid().ToString();
        var c = await fx.Team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = ComplaintStream.Corporate, ServiceAreaId = "libraries", ContactId = contactId, PersonId = "person-" + contactId[..8],
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
        });
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Visits stopped", OutcomeSought = "Restore them", OccurredOn = D(3, 5) });
        await fx.Team.DefineIssueAsync(new DefineIssueRequest { CaseId = c.Id, Summary = "Visits stopped", OccurredOn = D(3, 5) });
        c = await fx.Team.AllocateAsync(new AllocateRequest { CaseId = c.Id, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "officer-lib-01", OccurredOn = D(3, 6) });
        return (c, contactId);
    }

    [Fact]
    public async Task The_person_asks_for_the_next_stage_only_after_the_response_as_the_team_would_record_it()
    {
        var (c, contactId) = await ReadyAsync();
        var early = await Refused(StatusCode.FailedPrecondition, () =>
            Intake.RequestEscalationAsync(new PersonEscalationRequest { ContactId = contactId, Reasons = "Not good enough" }).ResponseAsync);
        Assert.Contains("has not been answered yet", early.Status.Detail);

        await fx.Team.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.NotUpheld, Text = "No fault found", OccurredOn = D(3, 12),
            Findings = { new IssueFinding { IssueId = c.Issues[0].Id, Finding = Finding.NotUpheld } },
        });
        var reply = await Intake.RequestEscalationAsync(new PersonEscalationRequest { ContactId = contactId, Reasons = "Not good enough" });

        Assert.Equal(c.Id, reply.CaseId);
        var after = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal(V1.CaseStatus.EscalationRequested, after.Status);
        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Contains(history.Facts, f => f.Kind == "ESCALATION_REQUESTED" && f.RecordedBy == "person:online");
    }

    [Fact]
    public async Task The_person_withdraws_an_open_complaint_and_only_Intake_may_relay_it()
    {
        var (c, contactId) = await ReadyAsync();
        var reporting = new PersonRequests.PersonRequestsClient(fx.Host.CreateChannel(TestIdentity.ServiceToken("reporting")));
        await Refused(StatusCode.PermissionDenied, () => reporting.WithdrawAsync(new PersonWithdrawalRequest { ContactId = contactId }).ResponseAsync);
        await Refused(StatusCode.NotFound, () => Intake.WithdrawAsync(new PersonWithdrawalRequest { ContactId = Guid.NewGuid().ToString() }).ResponseAsync);

        await Intake.WithdrawAsync(new PersonWithdrawalRequest { ContactId = contactId, Reason = "Sorted out locally" });

        var after = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal((V1.CaseStatus.Closed, CaseEnding.Withdrawn), (after.Status, after.Ending));
        await Refused(StatusCode.FailedPrecondition, () => Intake.WithdrawAsync(new PersonWithdrawalRequest { ContactId = contactId }).ResponseAsync);
    }
}
