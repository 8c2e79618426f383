using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// The self-assessment's live evidence: sentences of figures for one financial year, each table read once. Each Code's
/// register reads its own stream and Ombudsman, as its annual report does: the LGSCO Code's the corporate stream and the
/// LGSCO, the Housing Ombudsman Code's the housing stream and the Housing Ombudsman.
/// </summary>
internal sealed class LiveFigures(DocumentTables tables, int year, ReportAudience audience, bool housing = false)
{
    // Tables of complaints follow the Code's stream; the Ombudsman's tables its Ombudsman; contacts are the council's.
    private static readonly HashSet<ReportKind> ByStream =
        [ReportKind.Complaints, ReportKind.Timeliness, ReportKind.StageFunnel, ReportKind.EscalationRefusals, ReportKind.Remedies, ReportKind.Learning, ReportKind.Findings];

    private readonly Dictionary<(ReportKind, Grouping), ReportTable> _read = [];

    public async Task<IEnumerable<string>> ForAsync(string figure, CancellationToken ct)
    {
        switch (figure)
        {
            case "complaints":
                var complaints = await Table(ReportKind.Complaints, Grouping.Council, ct);
                return [$"{Cells.Text(complaints, "complaints")} complaints received in {complaints.PeriodLabel}"];
            case "refusals":
                var refusals = await Table(ReportKind.EscalationRefusals, Grouping.Council, ct);
                var contacts = await Table(ReportKind.Contacts, Grouping.Council, ct);
                return [$"{Cells.Text(refusals, "total")} escalations to Stage 2 refused; {Cells.Text(contacts, "triaged_Excluded")} contacts excluded and {Cells.Text(contacts, "triaged_OutOfTime")} out of time"];
            case "ack_on_time":
                var timeliness = await Table(ReportKind.Timeliness, Grouping.Council, ct);
                return [$"{Cells.Text(timeliness, "ack_on_time_rate")} of complaints acknowledged on time"];
            case "stage1_on_time" or "stage2_on_time":
                var stage = figure[5];
                var byStage = await Table(ReportKind.Timeliness, Grouping.Stage, ct);
                return [$"Stage {stage}: {Cells.Text(byStage, "within_original_rate", "stage:" + stage)} within the deadline, {Cells.Text(byStage, "within_extended_rate", "stage:" + stage)} including extensions"];
            case "stage2_accepted":
                var funnel = await Table(ReportKind.StageFunnel, Grouping.Council, ct);
                return [$"{Cells.Text(funnel, "escalation_requests")} escalation requests: {Cells.Text(funnel, "stage2_accepted")} accepted, {Cells.Text(funnel, "stage2_refused")} refused"];
            case "remedies":
                var remedies = await Table(ReportKind.Remedies, Grouping.Council, ct);
                return [$"{Cells.Text(remedies, "total")} remedies agreed, {Cells.Text(remedies, "financial_pence")} in financial remedies"];
            case "remedies_completed":
                var completion = await Table(ReportKind.Remedies, Grouping.Council, ct);
                return [$"{Cells.Text(completion, "completed")} remedies completed ({Cells.Text(completion, "completed_late")} late); {Cells.Text(completion, "outstanding")} agreed and still outstanding"];
            case "ombudsman_orders":
                var orders = await Table(ReportKind.OmbudsmanRemedies, Grouping.Council, ct);
                return [$"{Cells.Text(orders, "orders_made")} orders made by the Housing Ombudsman: {Cells.Text(orders, "orders_complied")} complied with ({Cells.Text(orders, "orders_complied_late")} late), {Cells.Text(orders, "orders_outstanding")} outstanding and {Cells.Text(orders, "orders_overdue")} overdue; {Cells.Text(orders, "order_compliance_rate")} compliance with orders ({Cells.Text(orders, "order_cases_assessed")} cases assessed)"];
            case "ombudsman_compliance":
                var ombudsman = await Table(ReportKind.OmbudsmanRemedies, Grouping.Council, ct);
                return [$"{Cells.Text(ombudsman, "compliance_rate")} compliance with the Ombudsman's recommendations ({Cells.Text(ombudsman, "cases_assessed")} cases assessed, {Cells.Text(ombudsman, "complied_late_rate")} complied late); {Cells.Text(ombudsman, "completed_late")} recommendations completed late"];
            case "lessons":
                var learning = await Table(ReportKind.Learning, Grouping.Council, ct);
                return [$"{Cells.Text(learning, "lessons")} lessons recorded; {Cells.Text(learning, "fault_with_lesson_rate")} of complaints with fault found have a lesson"];
            case "annual_report":
                var basis = await Table(ReportKind.Findings, Grouping.Council, ct);
                return [$"The annual report for {basis.PeriodLabel} is produced from the live read models"];
            default:
                return [];
        }
    }

    private async Task<ReportTable> Table(ReportKind kind, Grouping grouping, CancellationToken ct)
    {
        if (!_read.TryGetValue((kind, grouping), out var table))
        {
            var request = DocumentTables.Request(kind, new Period { Kind = PeriodKind.FinancialYear, Year = year }, grouping);
            request.Stream = !ByStream.Contains(kind) ? CaseWorkflow.V1.ComplaintStream.Unspecified
                : housing ? CaseWorkflow.V1.ComplaintStream.Housing : CaseWorkflow.V1.ComplaintStream.Corporate;
            request.Ombudsman = !kind.ToString().StartsWith("Ombudsman", StringComparison.Ordinal) ? 0
                : (int)(housing ? Ombudsman.V1.Ombudsman.Housing : Ombudsman.V1.Ombudsman.Lgsco);
            _read[(kind, grouping)] = table = await tables.GetAsync(request, audience, ct);
        }
        return table;
    }
}
