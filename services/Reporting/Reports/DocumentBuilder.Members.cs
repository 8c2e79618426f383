using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Domain.Cells;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>The Member Responsible for Complaints' summary (Code 9.6-9.7) and a directorate's quarterly report.</summary>
public sealed partial class DocumentBuilder
{
    private static async Task<List<DocumentSection>> MemberSummaryAsync(Sections s) =>
        await OverviewAsync(s, Grouping.Directorate);

    private static async Task<List<DocumentSection>> DepartmentalAsync(Sections s)
    {
        if (s.Audience.Public || s.Audience.Directorate is null)
        {
            throw new AccessDeniedException("The departmental report is for the complaints team and the directorate's service lead.");
        }
        var sections = await OverviewAsync(s, Grouping.ServiceArea);
        var enquiries = await s.Get(ReportKind.OmbudsmanEnquiries, Grouping.Council, Basis.Received);
        sections.Add(Section("ombudsman", "Ombudsman enquiries", [$"The Ombudsman made {Text(enquiries, "enquiries")} enquiries about the directorate."], enquiries));
        return sections;
    }

    /// <summary>Volume, categories, outcomes and performance, grouped as the reader needs.</summary>
    private static async Task<List<DocumentSection>> OverviewAsync(Sections s, Grouping grouping)
    {
        var complaints = await s.Get(ReportKind.Complaints, grouping, Basis.Received);
        var categories = await s.Get(ReportKind.NatureCategories, grouping, Basis.Resolved);
        var findings = await s.Get(ReportKind.Findings, grouping, Basis.Resolved);
        var timeliness = await s.Get(ReportKind.Timeliness, grouping, Basis.Resolved);
        return
        [
            Section("volume", "Volume", [$"{Text(complaints, "complaints")} complaints were received in {complaints.PeriodLabel} ({Text(complaints, "previous_0")} in the same period a year earlier)."], complaints),
            Section("categories", "Categories", [$"{Text(categories, "total")} complaints were categorised: {Categories(categories)}."], categories),
            Section("outcomes", "Outcomes", [$"{Text(findings, "total")} decided: {Text(findings, "fault_found")} with fault found ({Text(findings, "fault_found_rate")}), {Text(findings, "not_upheld")} not upheld."], findings),
            Section("performance", "Performance", [$"{Text(timeliness, "within_original_rate")} of {Text(timeliness, "responses")} responses within the deadline; average {Text(timeliness, "average_days")} working days."], timeliness),
        ];
    }
}
