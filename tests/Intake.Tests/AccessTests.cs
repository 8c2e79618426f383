using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class AccessTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    private static async Task<StatusCode> CodeOf(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        return ex.StatusCode;
    }

    [Fact]
    public async Task The_public_may_submit_and_check_status_but_read_or_triage_nothing()
    {
        var reply = await Host.Client().SubmitAsync(Requests.Public());
        var anonymous = Host.Client();

        Assert.Equal(StatusCode.Unauthenticated, await CodeOf(async () => await anonymous.GetContactAsync(new GetContactRequest { ContactId = reply.ContactId })));
        Assert.Equal(StatusCode.Unauthenticated, await CodeOf(async () => await anonymous.ListTriageQueueAsync(new ListTriageQueueRequest())));
        Assert.Equal(StatusCode.Unauthenticated, await CodeOf(async () => await anonymous.TriageAsync(new TriageRequest { ContactId = reply.ContactId })));
    }

    [Fact]
    public async Task Staff_see_what_they_logged_only_handlers_see_no_contact_here_and_the_complaints_team_sees_all()
    {
        var logged = await Host.Client(TestIdentity.Token(Roles.Staff, "officer-a")).SubmitAsync(Requests.ByStaff(DateTime.UtcNow.AddHours(-2)));
        var online = await Host.Client().SubmitAsync(Requests.Public());

        Assert.Equal(logged.Reference, (await Host.Client(TestIdentity.Token(Roles.Staff, "officer-a")).GetContactAsync(new GetContactRequest { ContactId = logged.ContactId })).Reference);
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(async () =>
            await Host.Client(TestIdentity.Token(Roles.Staff, "officer-b")).GetContactAsync(new GetContactRequest { ContactId = logged.ContactId })));
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(async () =>
            await Host.Client(TestIdentity.Token(Roles.Staff, "officer-a")).GetContactAsync(new GetContactRequest { ContactId = online.ContactId })));
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(async () =>
            await Host.Client(TestIdentity.Token(Roles.Handler, "handler-1")).GetContactAsync(new GetContactRequest { ContactId = online.ContactId })));
        Assert.Equal(online.Reference, (await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam)).GetContactAsync(new GetContactRequest { ContactId = online.ContactId })).Reference);
        Assert.True(await Host.ScalarAsync<long>("SELECT count(*) FROM intake.access_log WHERE contact_id = @id", ("id", Guid.Parse(online.ContactId))) >= 1);
    }

    [Fact]
    public async Task Only_the_complaints_team_triages()
    {
        var reply = await Host.Client().SubmitAsync(Requests.Public());
        foreach (var role in new[] { Roles.Staff, Roles.Handler, Roles.ServiceLead })
        {
            Assert.Equal(StatusCode.PermissionDenied, await CodeOf(async () => await Host.Client(TestIdentity.Token(role)).TriageAsync(new TriageRequest
            {
                ContactId = reply.ContactId, Decision = TriageDecision.Compliment,
            })));
            Assert.Equal(StatusCode.PermissionDenied, await CodeOf(async () => await Host.Client(TestIdentity.Token(role)).ListTriageQueueAsync(new ListTriageQueueRequest())));
        }
    }

    [Fact]
    public async Task A_service_cannot_submit_as_if_it_were_a_person()
    {
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(async () =>
            await Host.Client(TestIdentity.ServiceToken("caseworkflow")).SubmitAsync(Requests.Public())));
    }
}
