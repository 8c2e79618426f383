using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;
using static ComplaintsPlatform.CaseWorkflow.Tests.Import.ImportFiles;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>
/// Imported history is timed by the procedure in force when each complaint was received: here a
/// corporate policy version in force from 2021 gave 15 working days to respond, not today's 10.
/// Its own host, because the back-dated version is a change to the council's policies.
/// </summary>
public sealed class ImportedTimelinessTests : IAsyncLifetime
{
    private CaseWorkflowHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CaseWorkflowHost.StartAsync();
        var procedures = new Procedures.ProceduresClient(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01")));
        var policy = await procedures.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });
        policy.Stages.Single(s => s.Number == 1).Clocks.Single(c => c.Kind == ClockKind.Respond).Period.Value = 15;
        policy.EffectiveFrom = D(1, 1, 2021);
        await procedures.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = policy, ChangeReason = "The 2021 procedure, for imported history" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_2022_case_is_due_15_working_days_after_acknowledgement_under_the_policy_of_its_time_skipping_the_jubilee_bank_holidays()
    {
        // Acknowledged Friday 27 May 2022; Thursday 2 and Friday 3 June 2022 were bank holidays.
        var report = await SendAsync(Client(_host).ImportCases(), "cases-2022.csv", Csv(CaseHeader,
            "t-1,,,CORPORATE,libraries,,,2022-05-25 10:00,2022-05-27,,2022-06-21,UPHELD,,,,,,,,,,,,",
            "t-2,,,CORPORATE,libraries,,,2022-05-25 10:00,2022-05-27,,2022-06-22,UPHELD,,,,,,,,,,,,",
            "t-3,,,CORPORATE,libraries,,,2022-05-25 10:00,2022-05-27,2022-06-10,2022-06-14,UPHELD,,,,,,,,,,,,"));
        Assert.Equal(3, report.RowsImported);

        var onTime = await ResponseOfAsync("t-1");
        Assert.Equal((D(6, 21, 2022), true, 0), (onTime.OriginalDue, onTime.WithinOriginalDeadline, onTime.WorkingDaysLate));
        var late = await ResponseOfAsync("t-2");
        Assert.Equal((false, 1), (late.WithinOriginalDeadline, late.WorkingDaysLate));
        // A deadline the source system recorded wins over the computed one.
        var given = await ResponseOfAsync("t-3");
        Assert.Equal((D(6, 10, 2022), false, 2), (given.ExtendedDue, given.WithinExtendedDeadline, given.WorkingDaysLate));
        Assert.Equal((D(6, 10, 2022), false), (given.OriginalDue, given.WithinOriginalDeadline));
        var c = await new V1.Cases.CasesClient(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01")))
            .FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = "IMP-t-1" });
        Assert.Equal(2, c.PolicyVersion);
    }

    [Fact]
    public async Task Timeliness_is_judged_against_the_deadline_the_source_recorded_not_the_one_the_policy_computes()
    {
        // The policy of the time gives 21 June 2022; the source held these cases to 28 June and 14 June.
        var report = await SendAsync(Client(_host).ImportCases(), "cases-given.csv", Csv(CaseHeader,
            "g-1,,,CORPORATE,libraries,,,2022-05-25 10:00,2022-05-27,2022-06-28,2022-06-24,UPHELD,,,,,,,,,,,,",
            "g-2,,,CORPORATE,libraries,,,2022-05-25 10:00,2022-05-27,2022-06-14,2022-06-20,UPHELD,,,,,,,,,,,,"));
        Assert.Equal(2, report.RowsImported);

        var later = await ResponseOfAsync("g-1");
        Assert.Equal((D(6, 28, 2022), true, true, 0), (later.OriginalDue, later.WithinOriginalDeadline, later.WithinExtendedDeadline, later.WorkingDaysLate));
        var sooner = await ResponseOfAsync("g-2");
        Assert.Equal((D(6, 14, 2022), false, false, 4), (sooner.OriginalDue, sooner.WithinOriginalDeadline, sooner.WithinExtendedDeadline, sooner.WorkingDaysLate));
    }

    [Fact]
    public async Task A_case_received_under_todays_policy_keeps_its_10_working_days()
    {
        // A minute ago on the council's clock: a date alone means 09:00 there, in the future before nine.
        var justNow = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow.AddMinutes(-1), "Europe/London");
        var report = await SendAsync(Client(_host).ImportCases(), "cases-now.csv", Csv(CaseHeader,
            $"n-1,,,CORPORATE,libraries,,,{justNow:yyyy-MM-dd HH:mm},,,,,,,,,,,,,,,,"));
        Assert.Equal(1, report.RowsImported);
        var c = await new V1.Cases.CasesClient(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01")))
            .FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = "IMP-n-1" });
        Assert.Equal(1, c.PolicyVersion);
    }

    [Fact]
    public async Task Back_dating_a_version_for_history_leaves_todays_policy_in_force_for_new_live_cases()
    {
        var team = new V1.Cases.CasesClient(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01")));
        var live = await team.OpenCaseAsync(new OpenCaseRequest
        {
            Stream = ComplaintStream.Corporate,
            ServiceAreaId = "libraries",
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            PersonId = "person-live-1",
        });
        Assert.Equal(1, live.PolicyVersion);

        var procedures = new Procedures.ProceduresClient(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam, "officer-cpt-01")));
        var current = await procedures.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });
        Assert.Equal((1, 10), (current.Version, current.Stages.Single(s => s.Number == 1).Clocks.Single(c => c.Kind == ClockKind.Respond).Period.Value));
        var listed = await procedures.ListPoliciesAsync(new ListPoliciesRequest());
        Assert.Equal(1, listed.Policies.Single(p => p.Stream == ComplaintStream.Corporate).Version);
    }

    private async Task<ResponseSent> ResponseOfAsync(string sourceId)
    {
        var id = (await CaseIdOfAsync(_host, sourceId))!.Value.ToString();
        return (await _host.OutboxEventsAsync<ResponseSent>()).Single(e => e.Header.CaseId == id);
    }
}
