using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>Enum values must be ones the contract declares; free text has a length limit; an empty subject is nobody.</summary>
public sealed class RequestLimitTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task An_enum_value_the_contract_does_not_declare_is_invalid_not_merely_set()
    {
        await Refused(StatusCode.InvalidArgument, () => fx.Team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = (ComplaintStream)99, ServiceAreaId = "libraries", PersonId = "person-x",
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
        }).ResponseAsync);
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        await Refused(StatusCode.InvalidArgument, () => fx.Team.DraftResponseAsync(new DraftResponseRequest
        {
            CaseId = c.Id, Text = "Draft", Overall = (Finding)42,
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = (Finding)42 } },
        }).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => fx.Team.AllocateAsync(new AllocateRequest
        {
            CaseId = c.Id, ServiceAreaId = "libraries", TeamId = "libraries-team", HandlerId = "officer-lib-02", Reason = (ReallocationReason)77,
        }).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => fx.Team.ListCasesAsync(new ListCasesRequest { Status = (V1.CaseStatus)50 }).ResponseAsync);
    }

    [Fact]
    public async Task Free_text_that_had_no_limit_now_has_one()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        var tooLong = new string('x', 10_001);
        var ex = await Refused(StatusCode.InvalidArgument, () =>
            fx.Team.EndCaseAsync(new EndCaseRequest { CaseId = c.Id, Ending = CaseEnding.Withdrawn, Note = tooLong }).ResponseAsync);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "note");
        await Refused(StatusCode.InvalidArgument, () =>
            fx.Team.ReviewResponseAsync(new ReviewResponseRequest { CaseId = c.Id, Approve = true, Comments = tooLong }).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () =>
            fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, Reasons = tooLong }).ResponseAsync);
    }

    [Fact]
    public async Task A_token_with_an_empty_subject_is_unauthenticated_and_matches_no_unallocated_case()
    {
        await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        var nobody = new V1.Cases.CasesClient(fx.Host.CreateChannel(TestIdentity.Issue("", [Roles.Handler])));
        await Refused(StatusCode.Unauthenticated, () => nobody.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        var blank = new V1.Cases.CasesClient(fx.Host.CreateChannel(TestIdentity.Issue("  ", [Roles.ComplaintsTeam])));
        await Refused(StatusCode.Unauthenticated, () => blank.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
    }
}
