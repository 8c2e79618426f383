using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>A calendar change moves stored deadlines in the same transaction that publishes CalendarChanged.</summary>
public sealed class CalendarRecomputeTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task A_new_closure_day_moves_an_open_deadline_records_it_on_the_case_and_asks_Intake_to_tell_the_person()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "libraries", DateTimeOffset.UtcNow.AddMinutes(-5));
        var due = c.Deadlines.Single(d => d.Kind == ClockKind.Acknowledge).Due;
        var directory = new CouncilDirectory.CouncilDirectoryClient(fx.Host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam)));
        var configuration = await directory.GetConfigurationAsync(new GetConfigurationRequest());
        configuration.Council.ClosureDays.Add(due);

        await directory.UpdateConfigurationAsync(new UpdateConfigurationRequest
        {
            Configuration = configuration, ExpectedVersion = configuration.Version, ChangeReason = "Council closed for a civic event",
        });

        var moved = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        var deadline = moved.Deadlines.Single(d => d.Kind == ClockKind.Acknowledge);
        Assert.True(new DateOnly(deadline.Due.Year, deadline.Due.Month, deadline.Due.Day) > new DateOnly(due.Year, due.Month, due.Day));
        Assert.NotEqual(c.Deadlines[0].CalendarVersion, deadline.CalendarVersion);
        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Contains(history.Facts, f => f.Kind == "DEADLINE_MOVED" && f.RecordedBy == "system");
        Assert.Contains(await fx.Host.OutboxEventsAsync<DeadlineRecomputed>(), e => e.Header.CaseId == c.Id && e.NewDue.Equals(deadline.Due));
        Assert.Contains(await fx.Host.OutboxEventsAsync<CorrespondenceRequested>(), e => e.CaseId == c.Id && e.TemplateCode == "DEADLINE_MOVED");
        Assert.Contains(await fx.Host.OutboxEventsAsync<CalendarChanged>(), e => e.ConfigurationVersion == configuration.Version + 1);
    }
}
