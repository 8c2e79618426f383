using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Procedures;

/// <summary>
/// Where a council's CORPORATE or HOUSING policy falls outside the Complaint Handling Code. Each
/// deviation names the Code paragraph so the complaints team can cite it in the self-assessment.
/// </summary>
public static class CodeConformance
{
    private const int Stage1Acknowledge = 5;
    private const int Stage1Respond = 10;
    private const int Stage1Extension = 10;
    private const int Stage2Acknowledge = 5;
    private const int Stage2Respond = 20;
    private const int Stage2Extension = 20;

    public static bool AppliesTo(ComplaintStream stream) => stream is ComplaintStream.Corporate or ComplaintStream.Housing;

    public static IReadOnlyList<CodeDeviation> Check(ProcedurePolicy policy)
    {
        if (!AppliesTo(policy.Stream))
        {
            return [];
        }
        var deviations = new List<CodeDeviation>();
        void Add(string paragraph, string message) => deviations.Add(new CodeDeviation { Paragraph = paragraph, Message = message });

        if (policy.InformalResolution.IsSet())
        {
            Add("5.2", $"An informal stage before Stage 1 ({policy.InformalResolution.Describe()}): the Code allows two stages only; quick resolution is a service request or an early Stage 1 response.");
        }
        if (policy.Stages.Count != 2)
        {
            Add("5.2", $"{policy.Stages.Count} stage{(policy.Stages.Count == 1 ? "" : "s")}: the Code requires exactly two.");
        }

        if (policy.Stages.FirstOrDefault(s => s.Number == 1) is { } stage1)
        {
            CheckClock(stage1.Find(ClockKind.Acknowledge), "Stage 1 acknowledgement", ClockStart.Receipt, "receipt",
                Stage1Acknowledge, "6.2", Add);
            CheckResponse(stage1, "Stage 1", Stage1Respond, Stage1Extension, "6.3", "6.4-6.5", Add);
        }

        if (policy.Stages.FirstOrDefault(s => s.Number == 2) is { } stage2)
        {
            CheckClock(stage2.Find(ClockKind.Acknowledge), "Stage 2 acknowledgement", ClockStart.EscalationRequest,
                "the escalation request", Stage2Acknowledge, "6.11", Add);
            CheckResponse(stage2, "Stage 2", Stage2Respond, Stage2Extension, "6.13", "6.14", Add);
            if (!stage2.DifferentHandlerRequired)
            {
                Add("6.12", "Stage 2 may be considered by the Stage 1 handler: the Code requires a different person.");
            }
            if (policy.Stream == ComplaintStream.Housing && stage2.EscalationRefusalAllowed)
            {
                Add("6.7", "Escalation to Stage 2 can be refused: the Housing Code requires an unresolved complaint to go to Stage 2.");
            }
            if (policy.Stream == ComplaintStream.Housing && stage2.ReasonsRequiredToEscalate)
            {
                Add("6.8", "The resident must give reasons to escalate: the Housing Code says they need not.");
            }
        }
        return deviations;
    }

    private static void CheckResponse(StagePolicy stage, string label, int limit, int extensionLimit,
        string paragraph, string extensionParagraph, Action<string, string> add)
    {
        var respond = stage.Find(ClockKind.Respond);
        CheckClock(respond, $"{label} response", ClockStart.Acknowledgement, "acknowledgement", limit, paragraph, add,
            $", plus at most {extensionLimit} by extension ({paragraph}-{extensionParagraph.Split('-')[0]})");
        if (respond?.MaxExtension is { } ext && ext.IsSet()
            && (ext.Unit != PeriodUnit.WorkingDays || ext.Value > extensionLimit))
        {
            add(extensionParagraph, $"{label} extension of up to {ext.Describe()}: the Code allows at most {extensionLimit} working days.");
        }
    }

    private static void CheckClock(Clock? clock, string label, ClockStart expectedStart, string startName, int limit,
        string paragraph, Action<string, string> add, string extensionNote = "")
    {
        if (clock is null || !clock.Period.IsSet())
        {
            add(paragraph, $"No {label.ToLowerInvariant()} deadline: the Code sets {limit} working days from {startName}.");
            return;
        }
        if (clock.Period.Unit != PeriodUnit.WorkingDays || clock.Period.Value > limit)
        {
            add(paragraph, $"{label} {clock.Period.Describe()}: the Code allows {limit}{extensionNote}.");
        }
        if (clock.StartsOn != expectedStart)
        {
            add(paragraph, $"{label} counted from {Describe(clock.StartsOn)}: the Code counts it from {startName}.");
        }
    }

    private static string Describe(ClockStart start) => start switch
    {
        ClockStart.Receipt => "receipt",
        ClockStart.Acknowledgement => "acknowledgement",
        ClockStart.EscalationRequest => "the escalation request",
        ClockStart.PreviousStageResponse => "the previous stage's response",
        _ => start.ToString(),
    };
}
