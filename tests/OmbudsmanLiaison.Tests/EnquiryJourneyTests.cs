using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Events;
using ComplaintsPlatform.TestInfrastructure;
using Google.Type;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Client = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

public sealed class EnquiryJourneyTests : IAsyncLifetime
{
    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await OmbudsmanHost.StartAsync();
        _host.CaseWorkflow.Cases["CMP-2024-0042"] = new FoundCase
        {
            CaseId = "case-42", Reference = "CMP-2024-0042", Stream = ComplaintStream.Corporate,
            DirectorateId = "environment", ServiceAreaId = "highways", Status = CaseStatus.Closed,
        };
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Client LinkOfficer => new(_host.CreateChannel(TestIdentity.Token(Roles.LinkOfficer, "link-officer-1")));

    internal static Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    [Fact]
    public async Task An_upheld_enquiry_from_registration_to_every_recommendation_completed_on_time_late_and_delayed()
    {
        var officer = LinkOfficer;
        var enquiry = await officer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = "24 001 234", ReceivedOn = D(2024, 3, 4),
            DirectorateId = "environment", CaseReference = "CMP-2024-0042", PreAllocation = true, Summary = "Pothole claim handling",
        });
        Assert.Equal("case-42", enquiry.CaseId);
        Assert.StartsWith("Bearer ", Assert.Single(_host.CaseWorkflow.CallerTokens));

        // Pre-allocation: due 10 working days after receipt (Mon 4 March 2024 → Mon 18 March).
        enquiry = await officer.RecordInformationRequestAsync(new RecordInformationRequestRequest
        {
            EnquiryId = enquiry.Id, RequestedOn = D(2024, 3, 4), Summary = "Initial enquiries: complaint file",
            Document = new DocumentMetadata { FileName = "lgsco-enquiry.pdf", ContentType = "application/pdf", SizeBytes = 1234 },
        });
        var request = Assert.Single(enquiry.Requests);
        Assert.Equal(D(2024, 3, 18), request.DueOn);
        Assert.Equal(10, request.WorkingDays);

        // Answered a day after the deadline: recorded as late.
        enquiry = await officer.RecordReplyAsync(new RecordReplyRequest
        {
            EnquiryId = enquiry.Id, RequestId = request.Id, RepliedOn = D(2024, 3, 19), Summary = "Sent the complaint file",
        });
        Assert.True(enquiry.Requests[0].Late);

        enquiry = await officer.RecordDraftDecisionAsync(new RecordDraftDecisionRequest
        {
            EnquiryId = enquiry.Id, ReceivedOn = D(2024, 4, 15), CommentsDueOn = D(2024, 4, 29),
        });
        enquiry = await officer.RecordDraftCommentsAsync(new RecordDraftCommentsRequest
        {
            EnquiryId = enquiry.Id, SentOn = D(2024, 4, 26), Summary = "Accept the draft",
        });
        Assert.False(enquiry.DraftDecision.Late);

        enquiry = await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, Decision = OmbudsmanDecision.Upheld, DecidedOn = D(2024, 5, 10), Injustice = true,
            SatisfactoryRemedy = false, PublicInterestReport = true,
        });
        var report = enquiry.Decision.PublicInterestReport;
        Assert.Equal(D(2024, 5, 24), report.PublicNoticeDueOn);   // 2 weeks
        Assert.Equal(D(2024, 6, 14), report.AvailableUntil);      // 3 weeks from the notice
        Assert.Equal(D(2024, 8, 10), report.ResponseDueOn);       // 3 months

        var apology = await Agree(officer, enquiry.Id, RecommendationType.Apology, 0, D(2024, 5, 10), D(2024, 6, 10));
        var payment = await Agree(officer, enquiry.Id, RecommendationType.Financial, 25_000, D(2024, 5, 10), D(2024, 6, 10));
        var improvement = await Agree(officer, enquiry.Id, RecommendationType.ServiceImprovement, 0, D(2024, 5, 10), D(2024, 8, 10));

        enquiry = await Complete(officer, enquiry.Id, apology, D(2024, 6, 3));
        enquiry = await Complete(officer, enquiry.Id, payment, D(2024, 6, 20));

        // The service improvement is still open more than 12 months after the decision: a delayed remedy.
        var outstanding = await officer.ListOutstandingRecommendationsAsync(new WorkspaceFilter());
        var open = Assert.Single(outstanding.Recommendations);
        Assert.True(open.Recommendation.Delayed);
        Assert.True(open.Overdue);

        enquiry = await Complete(officer, enquiry.Id, improvement, D(2025, 6, 27));
        Assert.False(enquiry.Recommendations.Single(r => r.Id == apology).Late);
        Assert.True(enquiry.Recommendations.Single(r => r.Id == payment).Late);
        Assert.False(enquiry.Recommendations.Single(r => r.Id == payment).Delayed);
        Assert.True(enquiry.Recommendations.Single(r => r.Id == improvement).Delayed);
        Assert.Equal(25_000, enquiry.Recommendations.Single(r => r.Id == payment).AmountPence);
        Assert.Empty((await officer.ListOutstandingRecommendationsAsync(new WorkspaceFilter())).Recommendations);

        var events = await _host.EventsAsync();
        Assert.Single(events.OfType<EnquiryReceived>());
        Assert.True(Assert.Single(events.OfType<InformationRequestAnswered>()).Late);
        Assert.Single(events.OfType<OmbudsmanDecisionRecorded>(), d => d.Decision == OmbudsmanDecision.Upheld && d.Injustice);
        Assert.Single(events.OfType<PublicInterestReportIssued>());
        Assert.Equal(3, events.OfType<RecommendationAgreed>().Count());
        var completed = events.OfType<RecommendationCompleted>().ToList();
        Assert.Equal([false, true, true], completed.Select(c => c.Late || c.Delayed));
        Assert.Single(completed, c => c.Delayed);

        // Everything for the council case in one place.
        var forCase = await officer.GetCaseMattersAsync(new GetCaseMattersRequest { CaseReference = "CMP-2024-0042" });
        Assert.Equal(enquiry.Id, Assert.Single(forCase.Enquiries).Id);
        Assert.True(forCase.Enquiries[0].Correspondence.Count >= 5);
    }

    [Fact]
    public async Task A_premature_referral_tells_CaseWorkflow_to_continue_the_case_locally()
    {
        var officer = LinkOfficer;
        var enquiry = await officer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = "25 000 111", ReceivedOn = D(2025, 6, 2),
            DirectorateId = "environment", CaseReference = "CMP-2024-0042",
        });

        await officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = enquiry.Id, Decision = OmbudsmanDecision.Premature, DecidedOn = D(2025, 6, 9),
            Note = "Stage 2 not yet completed; the council should consider it",
        });

        var referral = Assert.Single(await _host.EventsAsync(ReferredBackForLocalResolution.Descriptor));
        var referred = (ReferredBackForLocalResolution)referral;
        Assert.Equal("case-42", referred.CaseId);
        Assert.Equal("CMP-2024-0042", referred.CaseReference);
        Assert.Equal(enquiry.Id, referred.EnquiryId);
        Assert.Equal(D(2025, 6, 9), referred.DecidedOn);
    }

    [Fact]
    public async Task A_case_that_predates_the_platform_is_recorded_without_asking_CaseWorkflow()
    {
        var enquiry = await LinkOfficer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Housing, OmbudsmanReference = "HOS-202012345", ReceivedOn = D(2019, 11, 5),
            DirectorateId = "housing", PredatesPlatform = true, LegacyCaseReference = "OLD/2019/77",
        });

        Assert.True(enquiry.PredatesPlatform);
        Assert.Equal("OLD/2019/77", enquiry.CaseReference);
        Assert.Empty(_host.CaseWorkflow.CallerTokens);
    }

    [Fact]
    public async Task An_enquiry_registered_without_a_platform_case_is_linked_to_the_councils_case_once_and_announced()
    {
        var officer = LinkOfficer;
        var enquiry = await officer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = "24 005 555", ReceivedOn = D(2025, 6, 2),
            DirectorateId = "environment", PredatesPlatform = true,
        });

        var unknown = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => officer.LinkCaseAsync(new LinkCaseRequest { EnquiryId = enquiry.Id, CaseReference = "CMP-1999-0001" }).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, unknown.StatusCode);

        var linked = await officer.LinkCaseAsync(new LinkCaseRequest { EnquiryId = enquiry.Id, CaseReference = " CMP-2024-0042 " });
        Assert.Equal(("case-42", "CMP-2024-0042", false), (linked.CaseId, linked.CaseReference, linked.PredatesPlatform));
        var announced = Assert.Single((await _host.EventsAsync()).OfType<EnquiryCaseLinked>());
        Assert.Equal((enquiry.Id, "case-42", "24 005 555"), (announced.EnquiryId, announced.CaseId, announced.OmbudsmanReference));

        var again = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => officer.LinkCaseAsync(new LinkCaseRequest { EnquiryId = enquiry.Id, CaseReference = "CMP-2024-0042" }).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Single((await _host.EventsAsync()).OfType<EnquiryCaseLinked>());
    }

    [Fact]
    public async Task Open_matters_are_sorted_by_next_deadline_with_red_amber_green_and_reminders_are_queued_once()
    {
        var officer = LinkOfficer;
        async Task<Enquiry> WithRequest(string reference, Date dueOn)
        {
            var e = await officer.RegisterEnquiryAsync(new RegisterEnquiryRequest
            {
                Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = reference, ReceivedOn = D(2025, 6, 2),
                DirectorateId = "environment", PredatesPlatform = true,
            });
            return await officer.RecordInformationRequestAsync(new RecordInformationRequestRequest
            {
                EnquiryId = e.Id, RequestedOn = D(2025, 6, 2), DueOn = dueOn, Summary = "Questions",
            });
        }
        var green = await WithRequest("G-1", D(2025, 7, 31));
        var red = await WithRequest("R-1", D(2025, 6, 27));
        var amber = await WithRequest("A-1", D(2025, 7, 2));

        var matters = await officer.ListOpenMattersAsync(new WorkspaceFilter { Year = 2025, Ombudsman = OmbudsmanBody.Lgsco });
        Assert.Equal([red.Id, amber.Id, green.Id], matters.Matters.Select(m => m.EnquiryId));
        Assert.Equal([Rag.Red, Rag.Amber, Rag.Green], matters.Matters.Select(m => m.Rag));
        Assert.Single((await officer.ListOverdueRequestsAsync(new WorkspaceFilter())).Requests, r => r.EnquiryId == red.Id);
        Assert.Empty((await officer.ListOpenMattersAsync(new WorkspaceFilter { Year = 2024 })).Matters);

        // Two replicas scanning at once: one queues the reminder; the other queues nothing, or loses on
        // the unique key and rolls back (ReminderService then waits for its next scan).
        async Task<int> ScanAsReplicaAsync()
        {
            await using var scope = _host.Services.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<ReminderScanner>().RunAsync(CancellationToken.None);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                return 0;
            }
        }
        Assert.Equal(1, (await Task.WhenAll(ScanAsReplicaAsync(), ScanAsReplicaAsync())).Sum());
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReminderScanner>().RunAsync(CancellationToken.None));
        }
        var reminder = Assert.Single((await officer.ListRemindersAsync(new ListRemindersRequest { PendingOnly = true })).Reminders);
        Assert.Equal(amber.Id, reminder.EnquiryId);
        Assert.Equal(DeadlineKind.InformationRequest, reminder.Kind);
        Assert.Single(await _host.EventsAsync(Ombudsman.V1.ReminderDue.Descriptor));
    }

    private static async Task<string> Agree(Client officer, string enquiryId, RecommendationType type, long pence, Date agreedOn, Date dueOn)
    {
        var before = (await officer.GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = enquiryId })).Recommendations.Select(r => r.Id).ToHashSet();
        var after = await officer.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = enquiryId, Type = type, AmountPence = pence, AgreedOn = agreedOn, DueOn = dueOn, Description = type.ToString(),
        });
        return after.Recommendations.Single(r => !before.Contains(r.Id)).Id;
    }

    private static async Task<Enquiry> Complete(Client officer, string enquiryId, string recommendationId, Date on) =>
        await officer.CompleteRecommendationAsync(new CompleteRecommendationRequest
        {
            EnquiryId = enquiryId, RecommendationId = recommendationId, CompletedOn = on, Evidence = "Letter and receipt on file",
        });
}
