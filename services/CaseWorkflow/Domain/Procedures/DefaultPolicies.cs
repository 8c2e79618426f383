using ComplaintsPlatform.CaseWorkflow.V1;
using static ComplaintsPlatform.CaseWorkflow.Domain.Procedures.Periods;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Procedures;

/// <summary>
/// The procedures a council starts with, one per stream, as the Code and the regulations set them.
/// A council changes them as data (a new policy version), never in code.
/// </summary>
public static class DefaultPolicies
{
    public static IReadOnlyList<ProcedurePolicy> All => [Corporate, AdultSocialCare, ChildrenSocialCare, Housing];

    /// <summary>The Ombudsman's Complaint Handling Code: two stages, 5/10+10 and 5/20+20.</summary>
    public static ProcedurePolicy Corporate => CodeTwoStage(
        ComplaintStream.Corporate,
        "Corporate complaints procedure",
        "Complaint Handling Code (LGSCO, 2024)",
        NextBody.Lgsco,
        // The Code does not make the person say why they escalate; a council may choose to ask in its own policy.
        reasonsRequired: false,
        refusalAllowed: true);

    /// <summary>The Housing Ombudsman's statutory Code: as the corporate one, but escalation cannot be refused or made to need reasons.</summary>
    public static ProcedurePolicy Housing => CodeTwoStage(
        ComplaintStream.Housing,
        "Housing complaints procedure",
        "Housing Ombudsman Complaint Handling Code 2024",
        NextBody.HousingOmbudsman,
        reasonsRequired: false,
        refusalAllowed: false);

    /// <summary>SI 2009/309: acknowledge in 3 working days offering to discuss; one local stage; response period agreed; 6-month backstop.</summary>
    public static ProcedurePolicy AdultSocialCare => new()
    {
        Stream = ComplaintStream.AdultSocialCare,
        Version = 1,
        Name = "Adult social care complaints procedure",
        GovernedBy = "Local Authority Social Services and NHS Complaints (England) Regulations 2009",
        NextBody = NextBody.Lgsco,
        TimeLimit = Months(12),
        Stages =
        {
            new StagePolicy
            {
                Number = 1,
                Name = "Local resolution",
                AcknowledgementOffersDiscussion = true,
                ResponsePeriodAgreedWithPerson = true,
                OralResolutionOutsideProcedure = true,
                Clocks =
                {
                    Clock(ClockKind.Acknowledge, ClockStart.Receipt, WorkingDays(3)),
                    // The agreed period is recorded per case; this is the default offered.
                    Clock(ClockKind.Respond, ClockStart.Receipt, WorkingDays(25)),
                    Clock(ClockKind.Backstop, ClockStart.Receipt, Months(6)),
                },
            },
        },
    };

    /// <summary>SI 2006/1738: Stage 1 10 (20 if complex), Stage 2 25 (to 65) with an Independent Person, Stage 3 panel 30/5/15.</summary>
    public static ProcedurePolicy ChildrenSocialCare => new()
    {
        Stream = ComplaintStream.ChildrenSocialCare,
        Version = 1,
        Name = "Children's social care representations procedure",
        GovernedBy = "Children Act 1989 Representations Procedure (England) Regulations 2006",
        NextBody = NextBody.Lgsco,
        EligibilityCheckRequired = true,
        TimeLimit = Months(12),
        Stages =
        {
            new StagePolicy
            {
                Number = 1,
                Name = "Local resolution",
                Clocks = { Clock(ClockKind.Respond, ClockStart.Receipt, WorkingDays(10), WorkingDays(10)) },
            },
            new StagePolicy
            {
                Number = 2,
                Name = "Investigation",
                DifferentHandlerRequired = true,
                IndependentPersonRequired = true,
                EscalationRefusalAllowed = false,
                Clocks =
                {
                    Clock(ClockKind.EscalationWindow, ClockStart.PreviousStageResponse, WorkingDays(20)),
                    Clock(ClockKind.Respond, ClockStart.EscalationRequest, WorkingDays(25), WorkingDays(40)),
                },
            },
            new StagePolicy
            {
                Number = 3,
                Name = "Review panel",
                DifferentHandlerRequired = true,
                IndependentPanelSize = 3,
                EscalationRefusalAllowed = false,
                Clocks =
                {
                    Clock(ClockKind.EscalationWindow, ClockStart.PreviousStageResponse, WorkingDays(20)),
                    Clock(ClockKind.PanelMeeting, ClockStart.PanelRequest, WorkingDays(30)),
                    Clock(ClockKind.PanelReport, ClockStart.PanelMeeting, WorkingDays(5)),
                    Clock(ClockKind.Respond, ClockStart.PanelReport, WorkingDays(15)),
                },
            },
        },
    };

    private static ProcedurePolicy CodeTwoStage(
        ComplaintStream stream, string name, string governedBy, NextBody nextBody, bool reasonsRequired, bool refusalAllowed) => new()
    {
        Stream = stream,
        Version = 1,
        Name = name,
        GovernedBy = governedBy,
        NextBody = nextBody,
        TimeLimit = Months(12),
        Stages =
        {
            new StagePolicy
            {
                Number = 1,
                Name = "Stage 1",
                Clocks =
                {
                    Clock(ClockKind.Acknowledge, ClockStart.Receipt, WorkingDays(5)),
                    Clock(ClockKind.Respond, ClockStart.Acknowledgement, WorkingDays(10), WorkingDays(10)),
                },
            },
            new StagePolicy
            {
                Number = 2,
                Name = "Stage 2",
                DifferentHandlerRequired = true,
                ReasonsRequiredToEscalate = reasonsRequired,
                EscalationRefusalAllowed = refusalAllowed,
                Clocks =
                {
                    Clock(ClockKind.EscalationWindow, ClockStart.PreviousStageResponse, WorkingDays(20)),
                    Clock(ClockKind.Acknowledge, ClockStart.EscalationRequest, WorkingDays(5)),
                    Clock(ClockKind.Respond, ClockStart.Acknowledgement, WorkingDays(20), WorkingDays(20)),
                },
            },
        },
    };
}
