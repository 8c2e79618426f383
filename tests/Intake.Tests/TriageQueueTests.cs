using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class TriageQueueTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    [Fact]
    public async Task The_queue_is_oldest_first_filterable_and_counts_down_to_the_shortest_acknowledgement_limit()
    {
        var staff = Host.Client(TestIdentity.Token(Roles.Staff));
        var team = Host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
        var old = await staff.SubmitAsync(Requests.ByStaff(DateTime.UtcNow.AddDays(-30), ContactKind.Complaint, Channel.Letter));
        var phone = await staff.SubmitAsync(Requests.ByStaff(DateTime.UtcNow.AddHours(-30), ContactKind.ServiceRequest, Channel.Phone));
        var fresh = await Host.Client().SubmitAsync(Requests.Public());
        var triaged = await Host.Client().SubmitAsync(Requests.Public());
        await team.TriageAsync(new TriageRequest { ContactId = triaged.ContactId, Decision = TriageDecision.Compliment });

        var all = await team.ListTriageQueueAsync(new ListTriageQueueRequest());

        Assert.Equal(3, all.ShortestAcknowledgeWorkingDays);
        Assert.Equal(ComplaintStream.AdultSocialCare, all.ShortestAcknowledgeStream);
        Assert.Equal([old.Reference, phone.Reference, fresh.Reference], all.Items.Select(i => i.Reference));
        Assert.Equal(0, all.Items[0].WorkingDaysLeft);
        // Received now: 3 working days, or 4 when it counts from tomorrow (after close of business).
        Assert.True(all.Items[2].WorkingDaysLeft is >= 2 and <= 4);

        var phones = await team.ListTriageQueueAsync(new ListTriageQueueRequest { Channels = { Channel.Phone } });
        Assert.Equal([phone.Reference], phones.Items.Select(i => i.Reference));
        var requests = await team.ListTriageQueueAsync(new ListTriageQueueRequest { Kinds = { ContactKind.ServiceRequest } });
        Assert.Equal([phone.Reference], requests.Items.Select(i => i.Reference));
        var dayOld = await team.ListTriageQueueAsync(new ListTriageQueueRequest { MinAgeHours = 24 });
        Assert.Equal([old.Reference, phone.Reference], dayOld.Items.Select(i => i.Reference));
        var overdueOrDue = await team.ListTriageQueueAsync(new ListTriageQueueRequest { MaxWorkingDaysLeft = 1 });
        Assert.Contains(old.Reference, overdueOrDue.Items.Select(i => i.Reference));
        Assert.DoesNotContain(fresh.Reference, overdueOrDue.Items.Select(i => i.Reference));
    }
}
