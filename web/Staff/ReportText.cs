using System.Globalization;
using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Components;

namespace ComplaintsPlatform.Web.Staff;

/// <summary>How the report choices and figures read on the staff pages (the tables' own words are Reporting's).</summary>
public static class ReportText
{
    public static readonly (ReportKind Kind, string Text)[] Kinds =
    [
        (ReportKind.Contacts, "Contacts by kind and triage decision"),
        (ReportKind.ContactTypes, "Contact types with last year"),
        (ReportKind.Complaints, "Complaints received"),
        (ReportKind.TopServiceAreas, "Top service areas"),
        (ReportKind.ChannelMix, "Contact channel mix"),
        (ReportKind.MemberEnquiries, "Member enquiries"),
        (ReportKind.StageFunnel, "Complaints at each stage"),
        (ReportKind.Stage2Reviews, "Stage 2 reviews"),
        (ReportKind.EscalationRefusals, "Escalations refused by reason"),
        (ReportKind.Findings, "Findings"),
        (ReportKind.Timeliness, "Timeliness"),
        (ReportKind.NatureCategories, "Nature categories"),
        (ReportKind.Remedies, "Remedies"),
        (ReportKind.Learning, "Learning"),
        (ReportKind.Compliments, "Compliments"),
        (ReportKind.StatutoryStages, "Statutory streams by stage"),
        (ReportKind.OmbudsmanEnquiries, "Ombudsman enquiries"),
        (ReportKind.OmbudsmanDecisions, "Ombudsman decisions"),
        (ReportKind.OmbudsmanInvestigations, "Ombudsman investigations"),
        (ReportKind.OmbudsmanRemedies, "Ombudsman remedies and compliance"),
        (ReportKind.OfficerTime, "Officer time spent on complaints"),
    ];

    public static readonly (PeriodKind Kind, string Text)[] Periods =
    [
        (PeriodKind.FinancialYear, "Financial year (April to March)"),
        (PeriodKind.CalendarYear, "Calendar year"),
        (PeriodKind.Quarter, "Quarter of the financial year"),
        (PeriodKind.Month, "Month"),
    ];

    public static readonly (Basis Basis, string Text)[] Bases =
    [
        (Basis.Unspecified, "The report's usual basis"),
        (Basis.Received, "Complaints received in the period"),
        (Basis.Resolved, "Things resolved or done in the period"),
    ];

    public static readonly (Grouping Grouping, string Text)[] Groupings =
    [
        (Grouping.Council, "The whole council"),
        (Grouping.Directorate, "Directorate"),
        (Grouping.ServiceArea, "Service area"),
        (Grouping.Team, "Team"),
        (Grouping.Stream, "Stream"),
        (Grouping.Stage, "Stage"),
        (Grouping.Channel, "Channel"),
    ];

    public static readonly (DocumentKind Kind, string Slug, string Text)[] Documents =
    [
        (DocumentKind.AnnualReport, "annual-report", "Annual complaints performance and service improvement report (the Complaint Handling Code)"),
        (DocumentKind.HousingAnnualReport, "housing-annual-report", "Annual housing complaints report (the Housing Ombudsman's Code)"),
        (DocumentKind.AdultSocialCare, "adult-social-care", "Adult social care complaints: statutory annual report"),
        (DocumentKind.ChildrenSocialCare, "children-social-care", "Children's social care representations: statutory annual report"),
        (DocumentKind.MemberSummary, "member-summary", "Summary for the Member Responsible for Complaints"),
        (DocumentKind.DepartmentalQuarterly, "departmental-quarterly", "Quarterly departmental report"),
    ];

    public static IReadOnlyList<ChoiceGroup> Group(string label, IEnumerable<(string Value, string Text)> choices) =>
        [new ChoiceGroup(label, choices.Select(c => new Choice(c.Value, c.Text)).ToList())];

    public static string KindText(ReportKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Text ?? kind.ToString();

    /// <summary>A cell as a table shows it: [c] suppressed, [x] not applicable, otherwise the figure in its unit.</summary>
    public static string Cell(Cell? cell, Unit unit) => cell switch
    {
        null => "0",
        { Suppressed: true } => "[c]",
        { Empty: true } => "[x]",
        _ => unit switch
        {
            Unit.Pence => "£" + (cell.Value / 100).ToString("N2", CultureInfo.InvariantCulture),
            Unit.Percent => cell.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            _ => cell.Value.ToString("#,0.##", CultureInfo.InvariantCulture),
        },
    };

    /// <summary>The financial year that includes today, as Reporting numbers it (2025 = 2025/26).</summary>
    public static int CurrentFinancialYear(DateTimeOffset now) => now.Month >= 4 ? now.Year : now.Year - 1;
}
