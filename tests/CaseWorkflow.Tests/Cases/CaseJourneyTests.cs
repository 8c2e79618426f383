using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>Whole journeys through the Cases API over a real PostgreSQL database.</summary>
public sealed class CaseJourneyTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task A_corporate_complaint_goes_through_both_stages_with_an_extension_and_a_refused_second_extension()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01", notifyPerson: true);
        var handler = fx.Handler("officer-hwy-01", "highways-north");
        Assert.Equal(D(3, 19), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);

        c = await handler.ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 10, Reason = "Awaiting the contractor's report", SendNotice = true, OccurredOn = D(3, 14) });
        Assert.Equal(D(4, 2), c.Deadlines.Single(d => d.Kind == ClockKind.Respond).Due);
        var second = await Refused(StatusCode.FailedPrecondition, () =>
            handler.ExtendAsync(new ExtendRequest { CaseId = c.Id, WorkingDays = 5, Reason = "More time", OccurredOn = D(3, 28) }).ResponseAsync);
        Assert.Contains("limit of 10", second.Status.Detail);

        await handler.DraftResponseAsync(new DraftResponseRequest
        {
            CaseId = c.Id, Overall = Finding.PartlyUpheld, Text = "We are sorry for the delay",
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.PartlyUpheld } },
        });
        await fx.Team.ReviewResponseAsync(new ReviewResponseRequest { CaseId = c.Id, Approve = true });
        c = await handler.RecordResponseAsync(new RecordResponseRequest { CaseId = c.Id, OccurredOn = D(3, 28), NotifyPerson = true });
        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.False(c.Stages[0].Response.WithinOriginalDeadline);
        Assert.True(c.Stages[0].Response.WithinExtendedDeadline);

        await fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, Reasons = "Still not repaired", OccurredOn = D(4, 7) });
        c = await fx.Team.AcceptEscalationAsync(new AcceptEscalationRequest { CaseId = c.Id, OccurredOn = D(4, 8) });
        Assert.Equal(2, c.CurrentStage);
        Assert.Equal(D(4, 14), c.Deadlines.Single(d => d.Stage == 2 && d.Kind == ClockKind.Acknowledge).Due);

        var sameHandler = await Refused(StatusCode.FailedPrecondition, () => fx.Team.AllocateAsync(new AllocateRequest
        {
            CaseId = c.Id, ServiceAreaId = "highways-maintenance", TeamId = "highways-north", HandlerId = "officer-hwy-01", OccurredOn = D(4, 8),
        }).ResponseAsync);
        Assert.Contains("someone other than", sameHandler.Status.Detail);
        await fx.Team.AllocateAsync(new AllocateRequest
        {
            CaseId = c.Id, ServiceAreaId = "highways-maintenance", TeamId = "highways-south", HandlerId = "officer-hwy-02", OccurredOn = D(4, 8),
        });
        await fx.Team.AcknowledgeAsync(new AcknowledgeRequest { CaseId = c.Id, About = "Repair still outstanding", OutcomeSought = "Repair", OccurredOn = D(4, 10), NotifyPerson = true });
        c = await fx.Handler("officer-hwy-02", "highways-south").RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.Upheld, Text = "Final response", OccurredOn = D(5, 1), NotifyPerson = true,
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.Upheld } },
        });
        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.Equal(NextBody.Lgsco, c.NextBody);
        await Refused(StatusCode.FailedPrecondition, () =>
            fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, Reasons = "More", OccurredOn = D(5, 6) }).ResponseAsync);

        var sent = (await fx.Host.OutboxEventsAsync<ResponseSent>()).Where(e => e.Header.CaseId == c.Id).ToList();
        Assert.Equal(new[] { false, true }, sent.Select(s => s.FinalStage));
        var letters = (await fx.Host.OutboxEventsAsync<CorrespondenceRequested>()).Where(e => e.CaseId == c.Id).ToList();
        Assert.Equal(new[] { "CASE_ACKNOWLEDGED", "EXTENSION_NOTICE", "STAGE_RESPONSE", "ESCALATION_ACKNOWLEDGED", "FINAL_RESPONSE" },
            letters.Select(l => l.TemplateCode));
        // The feed carries ids, codes and dates; the words stay here, for Intake only.
        var notice = letters.Single(l => l.TemplateCode == "EXTENSION_NOTICE");
        Assert.Equal("2025-04-02", notice.Facts["new_due"]);
        Assert.DoesNotContain(notice.Facts.Values, v => v.Contains("contractor"));
        var intake = new CaseInternal.CaseInternalClient(fx.Host.CreateChannel(TestIdentity.ServiceToken("intake")));
        var content = await intake.GetCorrespondenceContentAsync(new GetCorrespondenceContentRequest { RequestId = notice.RequestId });
        Assert.Equal("Awaiting the contractor's report", content.Texts["extension_reason"]);
        var reporting = new CaseInternal.CaseInternalClient(fx.Host.CreateChannel(TestIdentity.ServiceToken("reporting")));
        await Refused(StatusCode.PermissionDenied, () =>
            reporting.GetCorrespondenceContentAsync(new GetCorrespondenceContentRequest { RequestId = notice.RequestId }).ResponseAsync);

        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.All(history.Facts, f => Assert.NotEmpty(f.RecordedBy));
        Assert.Contains(history.Facts, f => f.Kind == "EXTENDED" && f.OccurredOn.Equals(D(3, 14)));
    }

    [Fact]
    public async Task A_housing_complaints_escalation_cannot_be_refused()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Housing, "customer-services", "customer-services-team", "officer-cpt-01");
        await fx.Team.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.NotUpheld, Text = "No fault found", OccurredOn = D(3, 12),
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.NotUpheld } },
        });
        // The Housing Ombudsman's Code: the person need not say why.
        await fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, OccurredOn = D(3, 20) });

        var refusal = await Refused(StatusCode.FailedPrecondition, () => fx.Team.RefuseEscalationAsync(new RefuseEscalationRequest
        {
            CaseId = c.Id, ReasonCode = "ALREADY_DETERMINED", Explanation = "Answered already", OccurredOn = D(3, 21),
        }).ResponseAsync);
        Assert.Contains("does not allow refusing", refusal.Status.Detail);

        c = await fx.Team.AcceptEscalationAsync(new AcceptEscalationRequest { CaseId = c.Id, OccurredOn = D(3, 21) });
        Assert.Equal(2, c.CurrentStage);
        Assert.Equal(NextBody.HousingOmbudsman, c.NextBody);
    }

    [Fact]
    public async Task A_complaint_withdrawn_at_stage_1_closes_and_cannot_be_escalated()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");

        c = await fx.Team.EndCaseAsync(new EndCaseRequest { CaseId = c.Id, Ending = CaseEnding.Withdrawn, OccurredOn = D(3, 10) });

        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.Equal(CaseEnding.Withdrawn, c.Ending);
        Assert.Null(c.NextDeadline);
        var ex = await Refused(StatusCode.FailedPrecondition, () =>
            fx.Team.RequestEscalationAsync(new RequestEscalationRequest { CaseId = c.Id, Reasons = "Changed my mind", OccurredOn = D(3, 12) }).ResponseAsync);
        Assert.Contains("withdrawn", ex.Status.Detail);
        Assert.Contains(await fx.Host.OutboxEventsAsync<CaseEnded>(), e => e.Header.CaseId == c.Id && e.Ending == CaseEnding.Withdrawn);
    }

    [Fact]
    public async Task Remedies_outstanding_at_closure_are_completed_later_and_a_late_one_is_flagged()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "highways-maintenance", "highways-north", "officer-hwy-01");
        var handler = fx.Handler("officer-hwy-01", "highways-north");
        await handler.AddRemedyAsync(new AddRemedyRequest { CaseId = c.Id, TypeCode = "APOLOGY", Description = "Written apology", OwnerId = "officer-hwy-01", Due = D(3, 25), OccurredOn = D(3, 18) });
        await handler.AddRemedyAsync(new AddRemedyRequest { CaseId = c.Id, TypeCode = "FINANCIAL", Description = "Time and trouble", AmountPence = 15000, OwnerId = "officer-hwy-01", Due = D(4, 15), OccurredOn = D(3, 18) });
        c = await handler.RecordResponseAsync(new RecordResponseRequest
        {
            CaseId = c.Id, Overall = Finding.Upheld, Text = "We are sorry", OccurredOn = D(3, 18),
            Findings = { new IssueFinding { IssueId = "issue-1", Finding = Finding.Upheld } },
        });
        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.Equal(2, (await fx.Host.OutboxEventsAsync<CaseClosed>()).Single(e => e.Header.CaseId == c.Id).OutstandingRemedies);

        await handler.CompleteRemedyAsync(new CompleteRemedyRequest { CaseId = c.Id, RemedyId = "remedy-1", OccurredOn = D(3, 24) });
        c = await handler.CompleteRemedyAsync(new CompleteRemedyRequest { CaseId = c.Id, RemedyId = "remedy-2", OccurredOn = D(4, 30) });

        Assert.False(c.Remedies[0].Late);
        Assert.True(c.Remedies[1].Late);
        Assert.Equal(15000, c.Remedies[1].AmountPence);
        var completed = (await fx.Host.OutboxEventsAsync<RemedyCompleted>()).Where(e => e.Header.CaseId == c.Id).ToList();
        Assert.Equal(new[] { false, true }, completed.Select(e => e.Late));

        await handler.RecordLearningAsync(new RecordLearningRequest
        {
            CaseId = c.Id, NatureCategory = "DELAY_IN_RESPONSE", RootCause = "Contractor backlog", Lessons = "Chase weekly", OccurredOn = D(4, 30),
            Actions = { new LearningAction { Description = "Weekly chase", OwnerId = "officer-hwy-01", Due = D(5, 30) } },
        });
        // The service lead of the directorate complained about reviews (from outside the service itself).
        await Refused(StatusCode.PermissionDenied, () => fx.As(Hosting.Identity.Roles.ServiceLead, "lead-ac", directorate: "adults-communities")
            .ReviewLearningAsync(new ReviewLearningRequest { CaseId = c.Id, Comments = "Fine", OccurredOn = D(5, 2) }).ResponseAsync);
        await fx.As(Hosting.Identity.Roles.ServiceLead, "lead-et", directorate: "environment-transport")
            .ReviewLearningAsync(new ReviewLearningRequest { CaseId = c.Id, Comments = "Sound", OccurredOn = D(5, 2) });
        c = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal("lead-et", c.Learning.ReviewedBy);
    }

    [Fact]
    public async Task A_triaged_complaint_from_Intake_opens_one_case_however_often_it_arrives()
    {
        var triaged = new Intake.V1.ContactTriaged
        {
            ContactId = "contact-" + Guid.NewGuid().ToString("N")[..8],
            Reference = "C-2025-" + Random.Shared.Next(100000, 999999),
            PersonId = "person-77",
            Decision = Intake.V1.TriageDecision.Complaint,
            Stream = ComplaintStream.Corporate,
            ServiceAreaId = "libraries",
            Kind = Intake.V1.ContactKind.Complaint,
            Channel = Intake.V1.Channel.OnlineForm,
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 18, 30, 0, TimeSpan.Zero)),
            TriagedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero)),
            TriagedBy = "officer-cpt-01",
        };
        await DeliverFromIntakeAsync(triaged);
        await DeliverFromIntakeAsync(triaged);

        var opened = (await fx.Host.OutboxEventsAsync<CaseOpened>()).Where(e => e.Header.ContactId == triaged.ContactId).ToList();
        var single = Assert.Single(opened);
        Assert.True(single.FromIntake);
        var c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = triaged.Reference });
        Assert.Equal("person-77", c.PersonId);
        Assert.Equal("adults-communities", c.DirectorateId);
        // Received after close of business on Monday: counted from Tuesday, so acknowledge by Tuesday 11 March.
        Assert.Equal(D(3, 11), c.Deadlines.Single(d => d.Kind == ClockKind.Acknowledge).Due);
        Assert.Contains("close of business", c.Deadlines[0].Explanation);
    }

    [Fact]
    public async Task A_contact_upgraded_to_a_complaint_opens_a_case_from_its_receipt_and_a_downgrade_ends_it()
    {
        var contactId = "contact-" + Guid.NewGuid().ToString("N")[..8];
        var reference = "C-2025-" + Random.Shared.Next(100000, 999999);
        await DeliverFromIntakeAsync(new Intake.V1.ContactTriaged
        {
            ContactId = contactId, Reference = reference, PersonId = "person-88", Decision = Intake.V1.TriageDecision.ServiceRequest,
            ServiceAreaId = "highways-maintenance", Kind = Intake.V1.ContactKind.ServiceRequest, Channel = Intake.V1.Channel.Phone,
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero)),
        });
        await Refused(StatusCode.NotFound, () => fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = reference }).ResponseAsync);

        await DeliverFromIntakeAsync(new Intake.V1.ContactReclassified
        {
            ContactId = contactId, Reference = reference, FromDecision = Intake.V1.TriageDecision.ServiceRequest,
            ToDecision = Intake.V1.TriageDecision.Complaint, Stream = ComplaintStream.Corporate, ReclassifiedBy = "officer-cpt-01",
            ReclassifiedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero)),
        });
        var c = await fx.Team.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = reference });
        Assert.Equal(D(3, 3), c.ReceivedOn);
        Assert.Equal("person-88", c.PersonId);

        await DeliverFromIntakeAsync(new Intake.V1.ContactReclassified
        {
            ContactId = contactId, Reference = reference, FromDecision = Intake.V1.TriageDecision.Complaint,
            ToDecision = Intake.V1.TriageDecision.Enquiry, ReclassifiedBy = "officer-cpt-01",
            ReclassifiedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 3, 6, 10, 0, 0, TimeSpan.Zero)),
        });
        c = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal(V1.CaseStatus.Closed, c.Status);
        Assert.Equal(CaseEnding.Reclassified, c.Ending);
    }

    /// <summary>As the feed consumer does: the handler inside a transaction it does not commit itself.</summary>
    private async Task DeliverFromIntakeAsync(Google.Protobuf.IMessage message)
    {
        await using var scope = fx.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CaseWorkflowDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<Events.IntakeEventsHandler>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await handler.HandleAsync(db, new Common.V1.FeedEvent
        {
            EventId = Guid.NewGuid().ToString(),
            EventType = message.Descriptor.FullName,
            Payload = Google.Protobuf.WellKnownTypes.Any.Pack(message),
        }, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
