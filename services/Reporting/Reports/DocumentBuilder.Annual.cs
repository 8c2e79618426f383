using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Domain.Cells;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>The Code's annual complaints performance and service improvement report (8.1).</summary>
public sealed partial class DocumentBuilder
{
    private async Task<List<DocumentSection>> AnnualReportAsync(Sections s, int year)
    {
        var complaints = await s.Get(ReportKind.Complaints, Grouping.Directorate, Basis.Received);
        var contacts = await s.Get(ReportKind.Contacts, Grouping.Council, Basis.Received);
        var funnel = await s.Get(ReportKind.StageFunnel, Grouping.Stage, Basis.Resolved);
        var findings = await s.Get(ReportKind.Findings, Grouping.Stage, Basis.Resolved);
        var timeliness = await s.Get(ReportKind.Timeliness, Grouping.Stage, Basis.Resolved);
        var refusals = await s.Get(ReportKind.EscalationRefusals, Grouping.Council, Basis.Resolved);
        var decisions = await s.Get(ReportKind.OmbudsmanDecisions, Grouping.Directorate, Basis.Resolved);
        var investigations = await s.Get(ReportKind.OmbudsmanInvestigations, Grouping.Directorate, Basis.Resolved);
        var learning = await s.Get(ReportKind.Learning, Grouping.Directorate, Basis.Resolved);
        var categories = await s.Get(ReportKind.NatureCategories, Grouping.Council, Basis.Resolved);
        var remedies = await s.Get(ReportKind.Remedies, Grouping.Council, Basis.Resolved);
        var ombudsmanRemedies = await s.Get(ReportKind.OmbudsmanRemedies, Grouping.Directorate, Basis.Resolved);
        var enquiries = await s.Get(ReportKind.OmbudsmanEnquiries, Grouping.Directorate, Basis.Received);
        var stage2 = await s.Get(ReportKind.Stage2Reviews, Grouping.Council, Basis.Resolved);
        var letter = await AnnualLetter.BuildAsync(db, tables, new AnnualLetterRequest { Year = year, Ombudsman = s.Ombudsman }, s.Audience, s.Ct);
        var housing = s.Ombudsman == (int)Ombudsman.V1.Ombudsman.Housing;
        // Each Code's report carries its own Code's register.
        var assessment = await register.BuildAsync(year, s.Audience, s.Ct, housing);

        var improvements = Section("service_improvements", "Service improvements made",
        [
            $"{Text(learning, "lessons")} lessons were recorded with {Text(learning, "actions")} learning actions; {Text(learning, "fault_with_lesson_rate")} of complaints with fault found have a lesson recorded.",
            $"{Text(remedies, "total")} remedies were agreed, including {Text(remedies, "financial_pence")} in financial remedies.",
            $"The council agreed {Text(ombudsmanRemedies, "agreed_ServiceImprovement")} service improvements and {Text(ombudsmanRemedies, "agreed_ProcedureChange")} procedure changes recommended by the Ombudsman.",
        ], learning, categories, remedies);
        var selfAssessment = Section("self_assessment", housing ? "Self-assessment against the Housing Ombudsman's Complaint Handling Code" : "Self-assessment against the Complaint Handling Code",
        [
            $"Of {assessment.Items.Count} provisions of the Code: {assessment.Complies} complied with, {assessment.Partly} partly, {assessment.DoesNotComply} not complied with, {assessment.NotAssessed} not yet assessed.",
            $"{assessment.Items.Count(i => i.MarkedByConformanceCheck)} provisions are marked as not complied with by the conformance check of the current {(housing ? "housing" : "corporate")} procedure policy.",
        ]);
        selfAssessment.SelfAssessment = assessment;
        return
        [
            Section("complaints_received", "Complaints received",
            [
                $"{Text(complaints, "complaints")} complaints were received in {complaints.PeriodLabel}, against {Text(complaints, "previous_0")} the year before ({Text(complaints, "change_0")} change).",
                $"{Text(contacts, "received")} contacts were received in all.",
            ], complaints, contacts),
            Section("stages", "Complaints at each stage",
            [
                $"{Text(funnel, "escalation_requests")} people asked for Stage 2: {Text(funnel, "stage2_accepted")} escalations were accepted and {Text(funnel, "stage2_refused")} refused; the Ombudsman made {Text(funnel, "ombudsman_enquiries")} enquiries.",
            ], funnel),
            Section("stage2_reviews", "Stage 2 reviews",
            [
                $"{Text(stage2, "requests")} Stage 2 reviews were requested: {Text(stage2, "granted")} granted and {Text(stage2, "refused")} refused ({Text(stage2, "refused_rate")} of requests). Of those granted, {Text(stage2, "upheld")} were upheld ({Text(stage2, "upheld_of_granted")}), {Text(stage2, "partly_upheld")} partly upheld and {Text(stage2, "not_upheld")} not upheld ({Text(stage2, "not_upheld_of_granted")}).",
            ], stage2),
            Section("outcomes", "Outcomes and timeliness",
            [
                $"{Text(findings, "total")} complaints were decided: {Text(findings, "upheld")} upheld and {Text(findings, "partly_upheld")} partly upheld ({Text(findings, "fault_found_rate")} fault found), {Text(findings, "not_upheld")} not upheld.",
                $"{Text(timeliness, "within_original_rate")} of responses were sent within the deadline and {Text(timeliness, "within_extended_rate")} within an agreed extension; {Text(timeliness, "over")} were late.",
            ], findings, timeliness),
            Section("complaints_refused", "Types of complaint refused",
            [
                $"{Text(refusals, "total")} escalations to Stage 2 were refused, by reason in the table.",
                $"{Text(contacts, "triaged_Excluded")} contacts were excluded from the procedure and {Text(contacts, "triaged_OutOfTime")} were out of time.",
            ], refusals),
            Section("non_compliance", "Findings of non-compliance", housing ? HousingFindings(decisions, investigations) :
            [
                $"The Ombudsman decided {Text(decisions, "decisions")} complaints and upheld {Text(investigations, "upheld")} of the {Text(investigations, "investigated")} it investigated ({Text(investigations, "upheld_rate")}).",
                $"{Text(investigations, "public_interest_reports")} public interest reports were issued; in {Text(investigations, "satisfactory_remedy")} upheld complaints the council had already provided a satisfactory remedy.",
            ], decisions, investigations),
            improvements,
            Section("ombudsman", "The Ombudsman's annual letter",
            [
                $"The Ombudsman made {Text(enquiries, "enquiries")} enquiries. {Text(ombudsmanRemedies, "completed")} recommendations were completed, {Text(ombudsmanRemedies, "completed_late")} of them late. Compliance with the Ombudsman's recommendations was {Text(ombudsmanRemedies, "compliance_rate")} of {Text(ombudsmanRemedies, "cases_assessed")} cases assessed ({Text(ombudsmanRemedies, "complied_late_rate")} complied late); {Text(ombudsmanRemedies, "became_delayed")} remedies were still open 12 months after the decision. Compensation paid: {Text(ombudsmanRemedies, "compensation_paid_pence")}.",
                .. housing ? [HousingOrders(ombudsmanRemedies)] : Array.Empty<string>(),
                letter.Rows.Count == 0
                    ? $"No annual letter figures are recorded for {letter.PeriodLabel}."
                    : $"The letter's figures for {letter.PeriodLabel} are compared with {letter.Rows.Count - 1} other councils and averages in the table.",
                $"By the council's own records {Text(letter, "upheld_per_100k")} complaints were upheld per 100,000 population, against {LetterFigure(letter, "council_ombudsman")} in the Ombudsman's figures and {LetterFigure(letter, "type_average")} on average for councils of the same type.",
            ], enquiries, ombudsmanRemedies, letter),
            selfAssessment,
        ];
    }

    // The Housing Ombudsman determines each element of a complaint: its findings are counted, not LGSCO categories.
    private static string[] HousingFindings(ReportTable decisions, ReportTable investigations) =>
    [
        $"The Housing Ombudsman determined {Text(decisions, "decision_HousingDetermined")} complaints, making {Text(decisions, "determinations")} determinations: {Text(decisions, "determination_SevereMaladministration")} severe maladministration, {Text(decisions, "determination_Maladministration")} maladministration, {Text(decisions, "determination_ServiceFailure")} service failure, {Text(decisions, "determination_NoMaladministration")} no maladministration, {Text(decisions, "determination_ReasonableRedress")} reasonable redress and {Text(decisions, "determination_OutsideJurisdiction")} outside jurisdiction.",
        $"{Text(investigations, "public_interest_reports")} public interest reports were issued.",
    ];

    // The Housing Ombudsman's orders are reported apart from its recommendations.
    private static string HousingOrders(ReportTable remedies) =>
        $"The Housing Ombudsman made {Text(remedies, "orders_made")} orders: {Text(remedies, "orders_complied")} were complied with ({Text(remedies, "orders_complied_on_time")} by the compliance date, {Text(remedies, "orders_complied_late")} late), {Text(remedies, "orders_outstanding")} are outstanding and {Text(remedies, "orders_overdue")} overdue. Compliance with orders was {Text(remedies, "order_compliance_rate")} of {Text(remedies, "order_cases_assessed")} cases assessed ({Text(remedies, "order_complied_late_rate")} complied late).";

    // The letter's rows are there only once the Ombudsman's benchmark figures are recorded.
    private static string LetterFigure(ReportTable letter, string row) =>
        letter.Rows.Any(r => r.Key == row) ? Text(letter, "upheld_per_100k", row) : "no figure recorded";
}
