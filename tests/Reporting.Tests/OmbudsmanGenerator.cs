using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// Adds to a generated year a deterministic set of Ombudsman decisions (every category and closure
/// reason, in both directorates, received in one financial year and decided in the next for some),
/// their recommendations and public interest reports, and a few children's social care cases, each
/// with what every table should count for it.
/// </summary>
public static class OmbudsmanGenerator
{
    public const int Decisions = 150;
    public const string Stream = "ChildrenSocialCare";
    private static readonly OmbudsmanDecision[] Categories = Enum.GetValues<OmbudsmanDecision>().Where(d => d != OmbudsmanDecision.Unspecified).ToArray();
    private static readonly ClosureReason[] Reasons = Enum.GetValues<ClosureReason>().Where(r => r != ClosureReason.Unspecified).ToArray();

    public static YearGenerator AddTo(YearGenerator g)
    {
        for (var d = 0; d < Decisions; d++)
        {
            Decision(g, d);
        }
        for (var c = 0; c < 12; c++)
        {
            ChildrensCase(g, c);
        }
        return g;
    }

    private static void Decision(YearGenerator g, int d)
    {
        // Corporate gets one decision in five, so its rows have small numbers to suppress.
        var directorate = d % 5 == 0 ? Council.Corporate : Council.Environment;
        var received = new DateOnly(2025, 1, 10).AddDays(d * 3);
        var decided = received.AddDays(40 + d % 30);
        var decision = Categories[d % Categories.Length];
        var reason = decision == OmbudsmanDecision.AssessedAndClosed ? Reasons[d / Categories.Length % Reasons.Length] : ClosureReason.Unspecified;
        var upheld = decision == OmbudsmanDecision.Upheld;
        var id = $"omb-{d}";
        void Ex(ReportKind report, string column, DateOnly on, long value = 1) => g.Expected.Add(new(report, column, received, on, value, directorate));
        void At(ReportKind report, string column, DateOnly on, long value = 1) => g.Expected.Add(new(report, column, on, on, value, directorate));

        g.Events.Add(("ombudsman", new OmbudsmanDecisionRecorded
        {
            EnquiryId = id, Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, DirectorateId = directorate, Decision = decision, ClosureReason = reason,
            Injustice = upheld && d % 2 == 0, SatisfactoryRemedy = upheld && d % 3 == 0, DecidedOn = D(decided), ReceivedOn = D(received),
        }));
        Ex(ReportKind.OmbudsmanDecisions, "decisions", decided);
        Ex(ReportKind.OmbudsmanDecisions, "decision_" + decision, decided);
        if (reason != ClosureReason.Unspecified)
        {
            Ex(ReportKind.OmbudsmanDecisions, "closed_" + reason, decided);
        }
        if (decision is OmbudsmanDecision.Upheld or OmbudsmanDecision.NotUpheld)
        {
            Ex(ReportKind.OmbudsmanInvestigations, "investigated", decided);
            Ex(ReportKind.OmbudsmanInvestigations, upheld ? "upheld" : "not_upheld", decided);
        }
        if (!upheld)
        {
            return;
        }
        if (d % 2 == 0)
        {
            Ex(ReportKind.OmbudsmanDecisions, "upheld_injustice", decided);
        }
        if (d % 3 == 0)
        {
            Ex(ReportKind.OmbudsmanInvestigations, "satisfactory_remedy", decided);
        }
        if (d % 5 == 3)
        {
            var issued = decided.AddDays(10);
            g.Events.Add(("ombudsman", new PublicInterestReportIssued { EnquiryId = id, DirectorateId = directorate, IssuedOn = D(issued) }));
            At(ReportKind.OmbudsmanInvestigations, "public_interest_reports", issued);
        }
        var financial = d % 2 == 1;
        var amount = financial ? 10_000 + d * 100L : 0;
        var agreed = decided.AddDays(5);
        var recommendation = new RecommendationAgreed
        {
            EnquiryId = id, RecommendationId = id + "-r", Type = financial ? RecommendationType.Financial : RecommendationType.Apology,
            AmountPence = amount, AgreedOn = D(agreed), DueOn = D(agreed.AddDays(30)), DirectorateId = directorate,
        };
        g.Events.Add(("ombudsman", recommendation));
        At(ReportKind.OmbudsmanRemedies, "agreed", agreed);
        At(ReportKind.OmbudsmanRemedies, "agreed_" + recommendation.Type, agreed);
        At(ReportKind.OmbudsmanRemedies, "compensation_agreed_pence", agreed, amount);
        // Compliance per case, and remedies delayed while open, depend on today as well as on the events.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var twelveMonths = decided.AddMonths(12);
        if (d % 7 == 5)
        {
            // Still outstanding: not complied once its deadline has passed, delayed once 12 months have.
            var due = agreed.AddDays(30);
            if (due < today)
            {
                At(ReportKind.OmbudsmanRemedies, "cases_assessed", due);
                At(ReportKind.OmbudsmanRemedies, "cases_not_complied", due);
            }
            if (twelveMonths <= today)
            {
                At(ReportKind.OmbudsmanRemedies, "became_delayed", twelveMonths);
            }
            return;
        }
        var late = d % 4 == 0 || d % 4 == 1;
        var delayed = late && d % 8 == 0;
        var completed = agreed.AddDays(delayed ? 400 : late ? 45 : 20);
        At(ReportKind.OmbudsmanRemedies, "cases_assessed", completed);
        At(ReportKind.OmbudsmanRemedies, "cases_complied", completed);
        if (late)
        {
            At(ReportKind.OmbudsmanRemedies, "cases_complied_late", completed);
        }
        if (twelveMonths <= today && completed > twelveMonths)
        {
            At(ReportKind.OmbudsmanRemedies, "became_delayed", twelveMonths);
        }
        g.Events.Add(("ombudsman", new RecommendationCompleted
        {
            EnquiryId = id, RecommendationId = recommendation.RecommendationId, Type = recommendation.Type, AmountPence = amount,
            DueOn = recommendation.DueOn, CompletedOn = D(completed), Late = late, Delayed = delayed, DirectorateId = directorate,
        }));
        At(ReportKind.OmbudsmanRemedies, "completed", completed);
        At(ReportKind.OmbudsmanRemedies, late ? "completed_late" : "completed_on_time", completed);
        At(ReportKind.OmbudsmanRemedies, "compensation_paid_pence", completed, amount);
        if (delayed)
        {
            At(ReportKind.OmbudsmanRemedies, "delayed", completed);
        }
    }

    /// <summary>Children's cases through three stages, with advocacy offered and some referred to the Ombudsman.</summary>
    private static void ChildrensCase(YearGenerator g, int c)
    {
        var (area, team, directorate) = Council.Areas[c % 3];
        var received = new DateOnly(2025, 5, 1).AddDays(c * 9);
        var caseId = $"child-{c}";
        CaseEventHeader Header(DateOnly on, int stage) => new() { CaseId = caseId, Stream = ComplaintStream.ChildrenSocialCare, Stage = stage, OccurredOn = D(on) };
        void Ex(ReportKind report, string column, DateOnly on) => g.Expected.Add(new(report, column, received, on, 1, directorate, Stream));

        g.Events.Add(("caseworkflow", new CaseOpened { Header = Header(received, 1), ServiceAreaId = area, ReceivedAt = Noon(received) }));
        g.Events.Add(("caseworkflow", new CaseAllocated { Header = Header(received, 1), DirectorateId = directorate, ServiceAreaId = area, TeamId = team }));
        Ex(ReportKind.Complaints, "complaints", received);
        Ex(ReportKind.StageFunnel, "stage1", received);
        Ex(ReportKind.StatutoryStages, "1_entered", received);
        g.Events.Add(("caseworkflow", new StatutoryStepRecorded { Header = Header(received.AddDays(1), 1), StepCode = "ADVOCACY_OFFERED", OutcomeCode = c % 3 == 0 ? "ACCEPTED" : "DECLINED" }));
        Ex(ReportKind.StatutoryStages, "0_advocacy_offered", received.AddDays(1));
        Ex(ReportKind.StatutoryStages, c % 3 == 0 ? "0_advocacy_accepted" : "0_advocacy_declined", received.AddDays(1));
        for (var stage = 1; stage <= 1 + c % 3; stage++)
        {
            var start = received.AddDays(30 * (stage - 1));
            if (stage > 1)
            {
                g.Events.Add(("caseworkflow", new EscalationAccepted { Header = Header(start, stage - 1), ToStage = stage }));
                Ex(ReportKind.StatutoryStages, $"{stage}_entered", start);
            }
            var respondedOn = start.AddDays(14);
            var inTime = (c + stage) % 4 != 0;
            var finding = stage == 1 + c % 3 && c % 2 == 0 ? Finding.PartlyUpheld : Finding.NotUpheld;
            g.Events.Add(("caseworkflow", new ResponseSent { Header = Header(respondedOn, stage), Overall = finding, WithinOriginalDeadline = inTime, WithinExtendedDeadline = inTime }));
            Ex(ReportKind.StatutoryStages, $"{stage}_responses", respondedOn);
            Ex(ReportKind.StatutoryStages, $"{stage}_{(inTime ? "in_time" : "over")}", respondedOn);
            Ex(ReportKind.StatutoryStages, $"{stage}_finding_{finding}", respondedOn);
        }
        if (c % 4 == 1)
        {
            var enquiryOn = received.AddDays(100);
            g.Events.Add(("ombudsman", new EnquiryReceived { EnquiryId = $"child-enq-{c}", CaseId = caseId, DirectorateId = directorate, Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, ReceivedOn = D(enquiryOn) }));
            g.Expected.Add(new(ReportKind.StatutoryStages, "referred_to_ombudsman", enquiryOn, enquiryOn, 1, directorate, Stream));
            g.Expected.Add(new(ReportKind.OmbudsmanEnquiries, "enquiries", enquiryOn, enquiryOn, 1, directorate));
        }
    }
}
