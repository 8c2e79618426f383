using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>A service lead reviews lessons of their own directorate only, once, and is handed back the review alone.</summary>
public sealed class LearningReviewAccessTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task A_service_lead_reviews_learning_only_in_their_directorate_once_and_gets_back_only_the_review()
    {
        var c = await fx.ReadyAsync(ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        await fx.Handler("officer-lib-01", "libraries-team").RecordLearningAsync(new RecordLearningRequest
        {
            CaseId = c.Id, NatureCategory = "DELAY_IN_RESPONSE", RootCause = "Backlog", Lessons = "Triage daily", OccurredOn = D(3, 10),
        });
        var review = new ReviewLearningRequest { CaseId = c.Id, Comments = "Sound", OccurredOn = D(3, 12) };

        await Refused(StatusCode.PermissionDenied, () =>
            fx.As(Roles.ServiceLead, "lead-et", directorate: "environment-transport").ReviewLearningAsync(review).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => fx.As(Roles.ServiceLead, "lead-none").ReviewLearningAsync(review).ResponseAsync);

        var reply = await fx.As(Roles.ServiceLead, "lead-ac", directorate: "adults-communities").ReviewLearningAsync(review);
        Assert.Equal(c.Id, reply.Id);
        Assert.Equal("lead-ac", reply.Learning.ReviewedBy);
        Assert.Equal("Sound", reply.Learning.ReviewComments);
        Assert.Equal("", reply.Learning.Lessons);
        Assert.Equal("", reply.PersonId);
        Assert.Equal("", reply.HandlerId);
        Assert.Empty(reply.Stages);
        Assert.Empty(reply.Issues);

        await Refused(StatusCode.FailedPrecondition, () =>
            fx.As(Roles.ServiceLead, "lead-ac-2", directorate: "adults-communities").ReviewLearningAsync(review).ResponseAsync);
        await Refused(StatusCode.FailedPrecondition, () => fx.As(Roles.ComplaintsTeam, "officer-cpt-02").ReviewLearningAsync(review).ResponseAsync);
        Assert.Equal("lead-ac", (await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id })).Learning.ReviewedBy);
    }
}
