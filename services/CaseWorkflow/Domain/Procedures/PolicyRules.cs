using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Procedures;

/// <summary>What makes a procedure policy usable: every clock computable, stages in order, the statute's hard limits kept.</summary>
public static class PolicyRules
{
    private static readonly ClockStart[] s_laterStageStarts =
        [ClockStart.EscalationRequest, ClockStart.PreviousStageResponse, ClockStart.PanelRequest, ClockStart.PanelMeeting, ClockStart.PanelReport];

    public static void Validate(ProcedurePolicy policy, string prefix = "policy")
    {
        var v = new Validator();
        v.Require(policy.Stream != ComplaintStream.Unspecified, $"{prefix}.stream", "is required");
        v.NotBlank(policy.Name, $"{prefix}.name", 200);
        v.Require(policy.NextBody != NextBody.Unspecified, $"{prefix}.next_body", "is required (LGSCO or the Housing Ombudsman)");
        v.Require(policy.Stages.Count > 0, $"{prefix}.stages", "must list at least one stage");
        CheckPeriod(v, policy.TimeLimit, $"{prefix}.time_limit", optional: true);
        CheckPeriod(v, policy.InformalResolution, $"{prefix}.informal_resolution", optional: true);

        for (var i = 0; i < policy.Stages.Count; i++)
        {
            var stage = policy.Stages[i];
            var path = $"{prefix}.stages[{i}]";
            v.Require(stage.Number == i + 1, $"{path}.number", $"must be {i + 1}: stages are numbered in order from 1");
            v.NotBlank(stage.Name, $"{path}.name", 100);
            v.Require(stage.Clocks.Any(c => c.Kind == ClockKind.Respond), $"{path}.clocks", "must include a response deadline");
            v.Require(stage.IndependentPanelSize >= 0, $"{path}.independent_panel_size", "cannot be negative");
            var kinds = new HashSet<ClockKind>();
            for (var c = 0; c < stage.Clocks.Count; c++)
            {
                var clock = stage.Clocks[c];
                var clockPath = $"{path}.clocks[{c}]";
                v.Require(clock.Kind != ClockKind.Unspecified, $"{clockPath}.kind", "is required");
                v.Require(kinds.Add(clock.Kind), $"{clockPath}.kind", "appears twice in the stage");
                v.Require(clock.StartsOn != ClockStart.Unspecified, $"{clockPath}.starts_on", "is required");
                v.Require(stage.Number > 1 || !s_laterStageStarts.Contains(clock.StartsOn), $"{clockPath}.starts_on",
                    "a Stage 1 clock cannot start on an escalation or panel event");
                CheckPeriod(v, clock.Period, $"{clockPath}.period", optional: false);
                CheckPeriod(v, clock.MaxExtension, $"{clockPath}.max_extension", optional: true);
            }
            if (policy.Stream == ComplaintStream.Housing && stage.Number > 1)
            {
                v.Require(!stage.EscalationRefusalAllowed, $"{path}.escalation_refusal_allowed",
                    "the Housing Ombudsman's Code requires an unresolved complaint to go to the next stage");
            }
        }
        v.ThrowIfInvalid();
    }

    private static void CheckPeriod(Validator v, Period? period, string path, bool optional)
    {
        if (period is null || (period.Value == 0 && period.Unit == PeriodUnit.Unspecified))
        {
            v.Require(optional, path, "is required");
            return;
        }
        v.Require(period.Value > 0, $"{path}.value", "must be positive");
        v.Require(period.Value <= 400, $"{path}.value", "is implausibly long");
        v.Require(period.Unit != PeriodUnit.Unspecified, $"{path}.unit", "is required");
    }
}
