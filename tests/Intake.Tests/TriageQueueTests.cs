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

    [Fact]
    public async Task A_Scottish_councils_queue_counts_its_own_bank_holidays_and_close_of_business_and_the_adult_regulations_ignore_its_closures()
    {
        await using var host = await IntakeHost.StartAsync();
        var configuration = (CouncilConfigurationChanged)SyntheticCaseWorkflowFeed.DefaultConfiguration().Last();
        configuration.Version = 2;
        configuration.Council = new CouncilSettings
        {
            Name = "Test Scottish Council", Division = CaseWorkflow.V1.Division.Scotland, TimeZone = "Europe/London", CloseOfBusiness = "16:30",
            ClosureDays = { new Google.Type.Date { Year = 2026, Month = 1, Day = 7 } },
        };
        host.Feed.Publish(configuration);
        await Eventually.TrueAsync(async () => await host.ScalarAsync<string>("SELECT division FROM intake.configuration_state") == "scotland",
            "Intake has applied the council's division");
        var staff = host.Client(TestIdentity.Token(Roles.Staff));
        // 31 December 2025, 10:00 and 16:45 (after a 16:30 close), UK time.
        var morning = await staff.SubmitAsync(Requests.ByStaff(new DateTime(2025, 12, 31, 10, 0, 0, DateTimeKind.Utc)));
        var evening = await staff.SubmitAsync(Requests.ByStaff(new DateTime(2025, 12, 31, 16, 45, 0, DateTimeKind.Utc)));

        var queue = await host.Client(TestIdentity.Token(Roles.ComplaintsTeam)).ListTriageQueueAsync(new ListTriageQueueRequest());

        // The shortest limit is adult social care's 3 working days, counted as its regulations define them: not 1 and
        // 2 January (Scottish bank holidays), but 7 January although the council is closed: 5, 6 and 7 January.
        // England and Wales would have said 6 January, counting 2, 5 and 6 January; the Code's calendar, 8 January.
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 1, Day = 7 }, queue.Items.Single(i => i.ContactId == morning.ContactId).AcknowledgeBy);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 1, Day = 8 }, queue.Items.Single(i => i.ContactId == evening.ContactId).AcknowledgeBy);
        Assert.Equal(ComplaintStream.AdultSocialCare, queue.ShortestAcknowledgeStream);
    }
}
