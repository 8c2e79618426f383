using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.OmbudsmanLiaison.Tests.EnquiryJourneyTests;
using Client = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>Bad input and wrong callers are refused with the right status, and nothing is written.</summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private OmbudsmanHost _host = null!;
    private Enquiry _enquiry = null!;

    public async Task InitializeAsync()
    {
        _host = await OmbudsmanHost.StartAsync();
        _host.CaseWorkflow.Cases["CMP-1"] = new FoundCase { CaseId = "case-1", Reference = "CMP-1", DirectorateId = "adults" };
        _enquiry = await Client(Roles.LinkOfficer).RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = "25 000 001", ReceivedOn = D(2025, 6, 2),
            DirectorateId = "adults", CaseReference = "CMP-1",
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Client Client(string role, string? directorate = null) =>
        new(_host.CreateChannel(TestIdentity.Token(role, "officer-9", directorate: directorate)));

    private async Task<(StatusCode Code, BadRequest? Details)> Refused(Func<Client, Task> call, string role = Roles.LinkOfficer, string? directorate = null)
    {
        var before = (await _host.EventsAsync()).Count + await _host.CountAsync("enquiries") + await _host.CountAsync("information_requests")
            + await _host.CountAsync("recommendations") + await _host.CountAsync("correspondence");
        var ex = await Assert.ThrowsAsync<RpcException>(() => call(Client(role, directorate)));
        var after = (await _host.EventsAsync()).Count + await _host.CountAsync("enquiries") + await _host.CountAsync("information_requests")
            + await _host.CountAsync("recommendations") + await _host.CountAsync("correspondence");
        Assert.Equal(before, after);
        return (ex.StatusCode, ex.GetRpcStatus()?.GetDetail<BadRequest>());
    }

    [Fact]
    public async Task An_unknown_council_case_is_invalid_argument_on_case_reference()
    {
        var (code, details) = await Refused(c => c.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = "25 000 002", ReceivedOn = D(2025, 6, 2),
            DirectorateId = "adults", CaseReference = "NOPE-1",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "case_reference");
    }

    [Fact]
    public async Task CaseWorkflow_unreachable_is_unavailable_and_nothing_is_recorded()
    {
        _host.CaseWorkflow.Down = true;
        var (code, _) = await Refused(c => c.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = "25 000 003", ReceivedOn = D(2025, 6, 2),
            DirectorateId = "adults", CaseReference = "CMP-1",
        }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, code);
    }

    [Fact]
    public async Task A_deadline_before_the_request_was_received_is_invalid_argument()
    {
        var (code, details) = await Refused(c => c.RecordInformationRequestAsync(new RecordInformationRequestRequest
        {
            EnquiryId = _enquiry.Id, RequestedOn = D(2025, 6, 10), DueOn = D(2025, 6, 9), Summary = "Questions",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "due_on");
    }

    [Fact]
    public async Task A_future_date_and_a_date_before_receipt_are_invalid_argument()
    {
        var (code, details) = await Refused(c => c.RecordCorrespondenceAsync(new RecordCorrespondenceRequest
        {
            EnquiryId = _enquiry.Id, Direction = Direction.In, OccurredOn = D(2025, 7, 1), Summary = "Phone call",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "occurred_on" && v.Description.Contains("future"));

        (code, details) = await Refused(c => c.RecordCorrespondenceAsync(new RecordCorrespondenceRequest
        {
            EnquiryId = _enquiry.Id, Direction = Direction.In, OccurredOn = D(2025, 5, 1), Summary = "Phone call",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "occurred_on" && v.Description.Contains("before"));
    }

    [Fact]
    public async Task A_negative_payment_and_an_unknown_category_are_invalid_argument_and_recommendations_need_an_upheld_decision()
    {
        var (code, details) = await Refused(c => c.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = _enquiry.Id, Type = RecommendationType.Financial, AmountPence = -500, AgreedOn = D(2025, 6, 20),
            DueOn = D(2025, 7, 20), Description = "Pay",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "amount_pence");

        (code, details) = await Refused(c => c.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = _enquiry.Id, Type = (RecommendationType)42, AgreedOn = D(2025, 6, 20), DueOn = D(2025, 7, 20), Description = "?",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "type");

        (code, details) = await Refused(c => c.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = _enquiry.Id, Decision = OmbudsmanDecision.AssessedAndClosed, DecidedOn = D(2025, 6, 20),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, code);
        Assert.Contains(details!.FieldViolations, v => v.Field == "closure_reason");

        (code, _) = await Refused(c => c.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = _enquiry.Id, Type = RecommendationType.Apology, AgreedOn = D(2025, 6, 20), DueOn = D(2025, 7, 20), Description = "Say sorry",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, code);
    }

    [Fact]
    public async Task A_second_reply_to_the_same_request_is_failed_precondition()
    {
        var client = Client(Roles.ComplaintsTeam);
        var e = await client.RecordInformationRequestAsync(new RecordInformationRequestRequest
        {
            EnquiryId = _enquiry.Id, RequestedOn = D(2025, 6, 3), DueOn = D(2025, 6, 17), Summary = "Questions",
        });
        await client.RecordReplyAsync(new RecordReplyRequest { EnquiryId = e.Id, RequestId = e.Requests[0].Id, RepliedOn = D(2025, 6, 16), Summary = "Answers" });

        var (code, _) = await Refused(c => c.RecordReplyAsync(new RecordReplyRequest
        {
            EnquiryId = e.Id, RequestId = e.Requests[0].Id, RepliedOn = D(2025, 6, 18), Summary = "More answers",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, code);
    }

    [Theory]
    [InlineData(Roles.Handler)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Scrutiny)]
    public async Task Nobody_else_may_read_or_write(string role)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client(role, "adults").GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = _enquiry.Id }));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        var (code, _) = await Refused(c => c.RecordCorrespondenceAsync(new RecordCorrespondenceRequest
        {
            EnquiryId = _enquiry.Id, Direction = Direction.In, OccurredOn = D(2025, 6, 3), Summary = "Call",
        }).ResponseAsync, role, "adults");
        Assert.Equal(StatusCode.PermissionDenied, code);
    }

    [Fact]
    public async Task A_service_lead_reads_their_own_directorate_only_and_writes_nothing()
    {
        var own = await Client(Roles.ServiceLead, "adults").GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = _enquiry.Id });
        Assert.Equal(_enquiry.Id, own.Id);
        Assert.Single((await Client(Roles.ServiceLead, "adults").ListOpenMattersAsync(new WorkspaceFilter())).Matters);
        Assert.Empty((await Client(Roles.ServiceLead, "children").ListOpenMattersAsync(new WorkspaceFilter())).Matters);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(Roles.ServiceLead, "children").GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = _enquiry.Id }));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client(Roles.ServiceLead, "children").ListOpenMattersAsync(new WorkspaceFilter { DirectorateId = "adults" }));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);

        var (code, _) = await Refused(c => c.RecordCorrespondenceAsync(new RecordCorrespondenceRequest
        {
            EnquiryId = _enquiry.Id, Direction = Direction.In, OccurredOn = D(2025, 6, 3), Summary = "Call",
        }).ResponseAsync, Roles.ServiceLead, "adults");
        Assert.Equal(StatusCode.PermissionDenied, code);
    }
}
