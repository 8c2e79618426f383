using ComplaintsPlatform.Calendar.V1;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

public sealed class ConfigurationServiceTests : IAsyncLifetime
{
    private CaseWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await CaseWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CouncilDirectory.CouncilDirectoryClient Directory(string role) => new(_host.CreateChannel(TestIdentity.Token(role)));

    private Procedures.ProceduresClient Procedures(string role) => new(_host.CreateChannel(TestIdentity.Token(role)));

    [Fact]
    public async Task Start_up_records_the_shipped_policies_and_the_council_file_once_with_their_events()
    {
        var events = await _host.OutboxEventTypesAsync();
        Assert.Equal(4, events.Count(e => e == "complaints.caseworkflow.v1.ProcedurePolicyChanged"));
        Assert.Single(events, "complaints.caseworkflow.v1.CouncilConfigurationChanged");
        Assert.Single(events, "complaints.caseworkflow.v1.CalendarChanged");

        // A second start over the same database (a restart or a second replica) records nothing new.
        await using var again = await CaseWorkflowHost.StartAsync(_host.Database);
        Assert.Equal(events.Count, (await again.OutboxEventTypesAsync()).Count);
        Assert.Equal(1, await again.CountAsync("council_configurations"));
    }

    [Fact]
    public async Task A_deadline_through_gRPC_skips_the_coronation_Monday_and_says_so()
    {
        var calendar = new Calendar.V1.Calendar.CalendarClient(_host.CreateChannel(TestIdentity.Token(Roles.Handler)));

        var deadline = await calendar.ComputeDeadlineAsync(new ComputeDeadlineRequest
        {
            Stream = ComplaintStream.Corporate,
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2023, 5, 5, 10, 0, 0, TimeSpan.FromHours(1))),
            WorkingDays = 5,
        });

        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 5, Day = 15 }, deadline.DueDate);
        Assert.Contains(deadline.SkippedDays, d => d.Date.Day == 8 && d.Reason.Contains("Coronation", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("2010-01-01..2030-12-31/sha256:", deadline.CalendarVersion);
        Assert.Contains("/council:", deadline.CalendarVersion);
    }

    [Fact]
    public async Task Only_the_complaints_team_may_change_a_policy()
    {
        var policy = await Procedures(Roles.Handler).GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await Procedures(Roles.Handler).UpdatePolicyAsync(new UpdatePolicyRequest { Policy = policy, ChangeReason = "x" }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task A_policy_change_is_a_new_version_and_the_old_one_stays_readable_for_cases_opened_under_it()
    {
        var team = Procedures(Roles.ComplaintsTeam);
        var policy = await team.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });
        policy.Stages[1].Clocks.Single(c => c.Kind == ClockKind.EscalationWindow).Period.Value = 10;

        var updated = await team.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = policy, ChangeReason = "Cabinet decision: 10-day escalation window" });

        Assert.Equal(2, updated.Version);
        Assert.Equal("officer-1", updated.RecordedBy);
        var first = await team.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate, Version = 1 });
        Assert.Equal(20, first.Stages[1].Clocks.Single(c => c.Kind == ClockKind.EscalationWindow).Period.Value);
        var history = await team.GetPolicyHistoryAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });
        Assert.Equal([1, 2], history.Policies.Select(p => p.Version));
        Assert.Equal(5, (await _host.OutboxEventTypesAsync()).Count(e => e.EndsWith("ProcedurePolicyChanged")));
    }

    [Fact]
    public async Task The_conformance_check_lists_a_40_day_Stage_1_with_its_Code_paragraph()
    {
        var team = Procedures(Roles.ComplaintsTeam);
        var candidate = await team.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });
        candidate.Stages[0].Clocks.Single(c => c.Kind == ClockKind.Respond).Period.Value = 40;

        var stored = await team.CheckCodeConformanceAsync(new CheckCodeConformanceRequest());
        var checkedCandidate = await team.CheckCodeConformanceAsync(new CheckCodeConformanceRequest { Candidate = candidate });

        Assert.All(stored.Streams, s => Assert.True(s.Conforms));
        Assert.Equal([ComplaintStream.Corporate, ComplaintStream.Housing], stored.Streams.Select(s => s.Stream));
        Assert.Equal("6.3", Assert.Single(checkedCandidate.Streams).Deviations.Single().Paragraph);
    }

    [Fact]
    public async Task A_configuration_change_on_a_stale_version_is_refused_and_changes_nothing()
    {
        var team = Directory(Roles.ComplaintsTeam);
        var current = await team.GetConfigurationAsync(new GetConfigurationRequest());

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await team.UpdateConfigurationAsync(
            new UpdateConfigurationRequest { Configuration = current, ExpectedVersion = 7, ChangeReason = "new team" }));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(1, await _host.CountAsync("council_configurations"));
    }

    [Fact]
    public async Task An_invalid_configuration_gets_field_violations_and_changes_nothing()
    {
        var team = Directory(Roles.ComplaintsTeam);
        var current = await team.GetConfigurationAsync(new GetConfigurationRequest());
        current.Council.Population = 0;
        current.Officers[0].TeamIds.Add("no-such-team");

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await team.UpdateConfigurationAsync(
            new UpdateConfigurationRequest { Configuration = current, ExpectedVersion = 1, ChangeReason = "" }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("configuration.council.population", fields);
        Assert.Contains("configuration.officers[0].team_ids[1]", fields);
        Assert.Contains("change_reason", fields);
        Assert.Equal(1, await _host.CountAsync("council_configurations"));
    }

    [Fact]
    public async Task The_administrator_adds_an_officer_as_a_new_version_the_same_details_again_record_nothing_and_a_bad_team_is_refused()
    {
        var admin = Directory(Roles.Administrator);
        var before = await admin.GetConfigurationAsync(new GetConfigurationRequest());
        var team = before.Directorates[0].ServiceAreas[0].Teams[0].Id;
        var officer = new Officer { Id = "new-starter-1", Name = " Sam Starter ", Email = "sam.starter@example.gov.uk", TeamIds = { team } };

        var saved = await admin.SaveOfficerAsync(new SaveOfficerRequest { Officer = officer });
        Assert.Equal(before.Version + 1, saved.Version);
        Assert.Equal("Officer added", saved.ChangeReason);
        Assert.Equal("Sam Starter", saved.Officers.Single(o => o.Id == "new-starter-1").Name);
        // Everything else is as it was.
        Assert.Equal(before.Directorates, saved.Directorates);
        Assert.Equal(before.Officers.Count + 1, saved.Officers.Count);

        var again = await admin.SaveOfficerAsync(new SaveOfficerRequest { Officer = officer });
        Assert.Equal(saved.Version, again.Version);
        Assert.Equal(2, await _host.CountAsync("council_configurations"));

        officer.TeamIds.Add("no-such-team");
        officer.Email = "not an email";
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await admin.SaveOfficerAsync(new SaveOfficerRequest { Officer = officer }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["officer.email", "officer.team_ids[1]"], fields.Order().ToArray());
        Assert.Equal(2, await _host.CountAsync("council_configurations"));

        var denied = await Assert.ThrowsAsync<RpcException>(async () => await Directory(Roles.Handler).SaveOfficerAsync(new SaveOfficerRequest { Officer = officer }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Closing_between_Christmas_and_New_Year_is_a_new_version_announces_a_calendar_change_and_moves_deadlines()
    {
        var team = Directory(Roles.ComplaintsTeam);
        var current = await team.GetConfigurationAsync(new GetConfigurationRequest());
        foreach (var day in new[] { 28, 29, 30 })
        {
            current.Council.ClosureDays.Add(new Google.Type.Date { Year = 2026, Month = 12, Day = day });
        }

        var updated = await team.UpdateConfigurationAsync(new UpdateConfigurationRequest
        {
            Configuration = current,
            ExpectedVersion = 1,
            ChangeReason = "Council closure 28-30 December 2026",
        });

        Assert.Equal(2, updated.Version);
        Assert.Equal(2, (await _host.OutboxEventTypesAsync()).Count(e => e.EndsWith("CalendarChanged")));
        var calendar = new Calendar.V1.Calendar.CalendarClient(_host.CreateChannel(TestIdentity.Token(Roles.Staff)));
        var deadline = await calendar.ComputeDeadlineAsync(new ComputeDeadlineRequest
        {
            Stream = ComplaintStream.Corporate,
            StartDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 24 },
            WorkingDays = 1,
        });
        // 25, 26 (weekend), 28 (Boxing Day substitute and closure), 29-30 closed: the 31st is the first working day.
        Assert.Equal(31, deadline.DueDate.Day);
        var history = await team.GetConfigurationHistoryAsync(new GetConfigurationHistoryRequest());
        Assert.Equal(["council.sample.json", "admin"], history.Versions.Select(v => v.Source));
    }

    [Fact]
    public async Task Scrutiny_readers_see_the_organisation_but_no_named_officers()
    {
        var config = await Directory(Roles.Scrutiny).GetConfigurationAsync(new GetConfigurationRequest());

        Assert.NotEmpty(config.Directorates);
        Assert.Empty(config.Officers);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var anonymous = new CouncilDirectory.CouncilDirectoryClient(_host.CreateChannel());
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.GetConfigurationAsync(new GetConfigurationRequest()));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }
}

public sealed class ConfigurationFileAtStartupTests
{
    [Fact]
    public async Task A_bad_file_at_start_up_is_refused_with_its_line_and_the_last_good_configuration_stays()
    {
        await using var first = await CaseWorkflowHost.StartAsync();
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Configuration", "council.sample.json"));
        var badFile = Path.Combine(Path.GetTempPath(), $"council-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(badFile, sample.Replace("\"version\": 1", "\"version\": 2").Replace("\"population\": 735000", "\"population\": -5"));

        await using var second = await CaseWorkflowHost.StartAsync(first.Database, new Dictionary<string, string?>
        {
            ["Council:ConfigurationFile"] = badFile,
        });

        Assert.Equal(1, await second.CountAsync("council_configurations"));
        Assert.Contains(second.Logs.Lines, l => l.Contains("line 6, council.population"));
        var config = await new CouncilDirectory.CouncilDirectoryClient(second.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam)))
            .GetConfigurationAsync(new GetConfigurationRequest());
        Assert.Equal(1, config.Version);
        File.Delete(badFile);
    }
}
