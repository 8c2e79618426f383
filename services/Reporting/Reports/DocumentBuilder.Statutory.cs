using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Domain.Cells;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>The statutory annual reports: adult social care (SI 2009/309) and children's social care (SI 2006/1738).</summary>
public sealed partial class DocumentBuilder
{
    private const string Adult = "AdultSocialCare";
    private const string Children = "ChildrenSocialCare";

    private static async Task<List<DocumentSection>> AdultSocialCareAsync(Sections s)
    {
        var received = await s.Stream(ReportKind.Complaints, Adult, Basis.Received);
        var findings = await s.Stream(ReportKind.Findings, Adult, Basis.Resolved);
        var stages = await s.Stream(ReportKind.StatutoryStages, Adult, Basis.Resolved);
        var subjects = await s.Stream(ReportKind.NatureCategories, Adult, Basis.Resolved);
        var learning = await s.Stream(ReportKind.Learning, Adult, Basis.Resolved);
        var remedies = await s.Stream(ReportKind.Remedies, Adult, Basis.Resolved);
        return
        [
            Section("received", "Complaints received", [$"{Text(received, "complaints")} complaints were received under the adult social care procedure."], received),
            Section("well_founded", "Complaints decided to be well-founded",
                [$"{Text(findings, "fault_found")} of {Text(findings, "total")} complaints decided were well-founded (upheld or partly upheld)."], findings),
            Section("timeliness", "Time taken to respond",
                [.. Enumerable.Range(1, 3).Select(n => $"Stage {n}: {Text(stages, $"{n}_responses")} responses; {StageDays(stages, n)}.")], stages),
            Section("ombudsman", "Complaints referred to the Ombudsman",
                [$"{Text(stages, "referred_to_ombudsman")} complaints were referred to the Local Government and Social Care Ombudsman."], stages),
            Section("subjects", "Subject matter of complaints",
                [$"{Text(subjects, "total")} complaints were categorised: {Categories(subjects)}."], subjects),
            Section("general_importance", "Matters of general importance",
                [$"{Text(learning, "lessons")} lessons of wider importance were recorded from complaints with fault found."], learning),
            Section("actions", "Action taken to improve services",
                [$"{Text(learning, "actions")} learning actions were agreed, and {Text(remedies, "total")} remedies ({Text(remedies, "financial_pence")} financial)."], remedies),
        ];
    }

    private static async Task<List<DocumentSection>> ChildrenSocialCareAsync(Sections s)
    {
        var stages = await s.Stream(ReportKind.StatutoryStages, Children, Basis.Resolved);
        var received = await s.Stream(ReportKind.StatutoryStages, Children, Basis.Received);
        var learning = await s.Stream(ReportKind.Learning, Children, Basis.Resolved);
        string Stage(int n, string what) => Text(stages, $"{n}_{what}");
        return
        [
            Section("by_stage", "Complaints at each stage",
                [$"Stage 1 (local resolution): {Text(received, "1_entered")}; Stage 2 (investigation): {Text(received, "2_entered")}; Stage 3 (review panel): {Text(received, "3_entered")}."], received),
            Section("timeliness", "Timeliness at each stage",
                [.. Enumerable.Range(1, 3).Select(n => $"Stage {n}: {Stage(n, "responses")} responses, {Stage(n, "in_time")} within the timescale ({Text(stages, $"stage{n}_in_time_rate")}), {Stage(n, "over")} late; {StageDays(stages, n)}.")], stages),
            Section("outcomes", "Outcomes",
                [.. Enumerable.Range(1, 3).Select(n => $"Stage {n}: {Stage(n, "finding_Upheld")} upheld, {Stage(n, "finding_PartlyUpheld")} partly upheld, {Stage(n, "finding_NotUpheld")} not upheld, {Stage(n, "finding_NoFinding")} no finding.")]),
            Section("advocacy", "Advocacy offered",
                [$"An advocate was offered {Stage(0, "advocacy_offered")} times: {Stage(0, "advocacy_accepted")} accepted, {Stage(0, "advocacy_declined")} declined."]),
            Section("learning", "Learning",
                [$"{Text(learning, "lessons")} lessons were recorded with {Text(learning, "actions")} learning actions."], learning),
        ];
    }

    private static string StageDays(ReportTable stages, int n) =>
        $"{Text(stages, $"stage{n}_average_days")} working days on average, 90% within {Text(stages, $"stage{n}_p90_days")}";

    private static string Categories(ReportTable table)
    {
        var parts = table.Columns.Skip(1).Select(c => $"{c.Label} {Text(table, c.Key)}").ToList();
        return parts.Count == 0 ? "no categories recorded" : string.Join(", ", parts);
    }
}
