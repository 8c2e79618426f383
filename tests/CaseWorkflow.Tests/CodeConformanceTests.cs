using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

public sealed class CodeConformanceTests
{
    [Fact]
    public void The_shipped_corporate_and_housing_policies_conform_to_the_Code()
    {
        Assert.Empty(CodeConformance.Check(DefaultPolicies.Corporate));
        Assert.Empty(CodeConformance.Check(DefaultPolicies.Housing));
    }

    [Fact]
    public void Escalation_reasons_are_flagged_when_a_housing_policy_requires_them_and_left_to_a_corporate_council()
    {
        // The shipped corporate policy does not ask for reasons; a council may choose to, within the Code.
        Assert.False(DefaultPolicies.Corporate.Stages[1].ReasonsRequiredToEscalate);
        var corporate = DefaultPolicies.Corporate;
        corporate.Stages[1].ReasonsRequiredToEscalate = true;
        Assert.Empty(CodeConformance.Check(corporate));

        var housing = DefaultPolicies.Housing;
        housing.Stages[1].ReasonsRequiredToEscalate = true;
        var deviation = Assert.Single(CodeConformance.Check(housing));
        Assert.Equal("6.8", deviation.Paragraph);
        Assert.Contains("need not", deviation.Message);
    }

    [Fact]
    public void A_council_working_to_40_and_20_working_days_is_told_Stage_1_exceeds_the_Code()
    {
        // One county's corporate procedure: Stage 1 in 40 working days, Stage 2 in 20.
        var policy = DefaultPolicies.Corporate;
        policy.Stages[0].Find(ClockKind.Respond)!.Period.Value = 40;
        policy.Stages[0].Find(ClockKind.Respond)!.MaxExtension = null;

        var deviations = CodeConformance.Check(policy);

        var deviation = Assert.Single(deviations);
        Assert.Equal("6.3", deviation.Paragraph);
        Assert.Equal("Stage 1 response 40 working days: the Code allows 10, plus at most 10 by extension (6.3-6.4).", deviation.Message);
    }

    [Fact]
    public void A_council_with_informal_10_Stage_1_20_and_Stage_2_25_gets_three_deviations()
    {
        // Another county: informal resolution in 10 working days, Stage 1 in 20, Stage 2 review in 25.
        var policy = DefaultPolicies.Corporate;
        policy.InformalResolution = Periods.WorkingDays(10);
        policy.Stages[0].Find(ClockKind.Respond)!.Period.Value = 20;
        policy.Stages[1].Find(ClockKind.Respond)!.Period.Value = 25;

        var deviations = CodeConformance.Check(policy);

        Assert.Equal(["5.2", "6.3", "6.13"], deviations.Select(d => d.Paragraph));
        Assert.StartsWith("An informal stage before Stage 1 (10 working days): the Code allows two stages only", deviations[0].Message);
        Assert.Equal("Stage 2 response 25 working days: the Code allows 20, plus at most 20 by extension (6.13-6.14).", deviations[2].Message);
    }

    [Fact]
    public void Stage_2_handled_by_the_Stage_1_handler_and_a_long_extension_are_deviations()
    {
        var policy = DefaultPolicies.Corporate;
        policy.Stages[1].DifferentHandlerRequired = false;
        policy.Stages[0].Find(ClockKind.Respond)!.MaxExtension = Periods.WorkingDays(15);

        var paragraphs = CodeConformance.Check(policy).Select(d => d.Paragraph);

        Assert.Equal(["6.4-6.5", "6.12"], paragraphs);
    }

    [Fact]
    public void A_three_stage_corporate_procedure_breaks_the_two_stage_rule()
    {
        var policy = DefaultPolicies.Corporate;
        policy.Stages.Add(new StagePolicy { Number = 3, Name = "Chief Executive review" });

        Assert.Contains(CodeConformance.Check(policy), d => d.Paragraph == "5.2" && d.Message == "3 stages: the Code requires exactly two.");
    }

    [Fact]
    public void The_statutory_social_care_streams_are_not_judged_against_the_Code()
    {
        Assert.Empty(CodeConformance.Check(DefaultPolicies.ChildrenSocialCare));
        Assert.Empty(CodeConformance.Check(DefaultPolicies.AdultSocialCare));
    }

    [Fact]
    public void A_housing_policy_that_allows_refusing_escalation_is_refused_as_invalid()
    {
        var policy = DefaultPolicies.Housing;
        policy.Stages[1].EscalationRefusalAllowed = true;

        var ex = Assert.Throws<ValidationException>(() => PolicyRules.Validate(policy));

        Assert.Equal("policy.stages[1].escalation_refusal_allowed", Assert.Single(ex.Violations).Field);
        Assert.Contains(CodeConformance.Check(policy), d => d.Paragraph == "6.7");
    }
}
