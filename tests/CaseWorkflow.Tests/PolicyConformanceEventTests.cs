using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>Reporting's self-assessment reads the Code-conformance check from the policy event, so the event must carry it.</summary>
public sealed class PolicyConformanceEventTests : IAsyncLifetime
{
    private CaseWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await CaseWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_recorded_policy_publishes_its_Code_conformance_check_with_each_deviation_and_its_paragraph()
    {
        var shipped = await _host.OutboxEventsAsync<ProcedurePolicyChanged>();
        Assert.All(shipped, e => Assert.Equal(e.Policy.Stream is ComplaintStream.Corporate or ComplaintStream.Housing, e.CodeChecked));
        Assert.All(shipped, e => Assert.Empty(e.Deviations));

        var team = new Procedures.ProceduresClient(_host.CreateChannel(TestIdentity.Token(Roles.ComplaintsTeam)));
        var policy = await team.GetPolicyAsync(new GetPolicyRequest { Stream = ComplaintStream.Corporate });
        policy.Stages[0].Clocks.Single(c => c.Kind == ClockKind.Respond).Period.Value = 40;
        await team.UpdatePolicyAsync(new UpdatePolicyRequest { Policy = policy, ChangeReason = "Keep the 40-day Stage 1" });

        var changed = (await _host.OutboxEventsAsync<ProcedurePolicyChanged>()).Last();
        Assert.Equal((ComplaintStream.Corporate, 2, true), (changed.Policy.Stream, changed.Policy.Version, changed.CodeChecked));
        Assert.Equal("6.3", Assert.Single(changed.Deviations).Paragraph);
    }
}
