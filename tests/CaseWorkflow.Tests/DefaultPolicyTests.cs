using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

public sealed class DefaultPolicyTests
{
    [Fact]
    public void Every_shipped_policy_is_valid_and_covers_all_four_streams()
    {
        foreach (var policy in DefaultPolicies.All)
        {
            PolicyRules.Validate(policy);
        }
        Assert.Equal(
            [ComplaintStream.Corporate, ComplaintStream.AdultSocialCare, ComplaintStream.ChildrenSocialCare, ComplaintStream.Housing],
            DefaultPolicies.All.Select(p => p.Stream));
    }

    [Fact]
    public void Corporate_Stage_1_acknowledges_in_5_from_receipt_and_responds_in_10_plus_10_from_acknowledgement()
    {
        var stage1 = DefaultPolicies.Corporate.Stages[0];
        AssertClock(stage1.Find(ClockKind.Acknowledge), ClockStart.Receipt, 5, 0);
        AssertClock(stage1.Find(ClockKind.Respond), ClockStart.Acknowledgement, 10, 10);
        var stage2 = DefaultPolicies.Corporate.Stages[1];
        AssertClock(stage2.Find(ClockKind.Acknowledge), ClockStart.EscalationRequest, 5, 0);
        AssertClock(stage2.Find(ClockKind.Respond), ClockStart.Acknowledgement, 20, 20);
        Assert.True(stage2.DifferentHandlerRequired);
        Assert.Equal(NextBody.Lgsco, DefaultPolicies.Corporate.NextBody);
    }

    [Fact]
    public void Housing_escalation_cannot_be_refused_needs_no_reasons_and_leads_to_the_Housing_Ombudsman()
    {
        var housing = DefaultPolicies.Housing;
        Assert.False(housing.Stages[1].EscalationRefusalAllowed);
        Assert.False(housing.Stages[1].ReasonsRequiredToEscalate);
        Assert.Equal(NextBody.HousingOmbudsman, housing.NextBody);
    }

    [Fact]
    public void Adult_social_care_acknowledges_in_3_offering_discussion_with_an_agreed_period_and_6_month_backstop()
    {
        var policy = DefaultPolicies.AdultSocialCare;
        var stage = Assert.Single(policy.Stages);
        Assert.True(stage.AcknowledgementOffersDiscussion);
        Assert.True(stage.ResponsePeriodAgreedWithPerson);
        AssertClock(stage.Find(ClockKind.Acknowledge), ClockStart.Receipt, 3, 0);
        var backstop = stage.Find(ClockKind.Backstop)!;
        Assert.Equal(6, backstop.Period.Value);
        Assert.Equal(PeriodUnit.Months, backstop.Period.Unit);
    }

    [Fact]
    public void Children_social_care_has_three_stages_with_an_Independent_Person_and_a_panel_of_three_on_30_5_15()
    {
        var policy = DefaultPolicies.ChildrenSocialCare;
        Assert.Equal(3, policy.Stages.Count);
        AssertClock(policy.Stages[0].Find(ClockKind.Respond), ClockStart.Receipt, 10, 10);
        Assert.True(policy.Stages[1].IndependentPersonRequired);
        AssertClock(policy.Stages[1].Find(ClockKind.Respond), ClockStart.EscalationRequest, 25, 40);
        var panel = policy.Stages[2];
        Assert.Equal(3, panel.IndependentPanelSize);
        AssertClock(panel.Find(ClockKind.PanelMeeting), ClockStart.PanelRequest, 30, 0);
        AssertClock(panel.Find(ClockKind.PanelReport), ClockStart.PanelMeeting, 5, 0);
        AssertClock(panel.Find(ClockKind.Respond), ClockStart.PanelReport, 15, 0);
    }

    [Fact]
    public void A_policy_with_stages_out_of_order_and_a_clock_without_a_period_is_refused_field_by_field()
    {
        var policy = DefaultPolicies.Corporate;
        policy.Stages[1].Number = 3;
        policy.Stages[0].Clocks[0].Period = null;

        var ex = Assert.Throws<ValidationException>(() => PolicyRules.Validate(policy));

        Assert.Equal(["policy.stages[0].clocks[0].period", "policy.stages[1].number"], ex.Violations.Select(v => v.Field).Order());
    }

    private static void AssertClock(Clock? clock, ClockStart start, int workingDays, int maxExtension)
    {
        Assert.NotNull(clock);
        Assert.Equal(start, clock.StartsOn);
        Assert.Equal(workingDays, clock.Period.Value);
        Assert.Equal(PeriodUnit.WorkingDays, clock.Period.Unit);
        Assert.Equal(maxExtension, clock.MaxExtension?.Value ?? 0);
    }
}
