using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>The documents Reporting builds, for a year (and a quarter and directorate for the departmental report).</summary>
public sealed class DocumentsModel(StaffTokens tokens, StaffDirectory directory, TimeProvider clock) : ReportsPage(tokens, directory)
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Directorate { get; set; }

    // Scrutiny's public view has no stream grouping, so the statutory reports (by stream) and the departmental one are not theirs.
    public IEnumerable<(DocumentKind Kind, string Slug, string Text)> Available => ReportText.Documents
        .Where(d => !Scrutiny || d.Kind is not (DocumentKind.DepartmentalQuarterly or DocumentKind.AdultSocialCare or DocumentKind.ChildrenSocialCare));

    public string YearLabel => int.TryParse(Year, out var y) ? $"{y}/{(y + 1) % 100:D2}" : Year ?? "";

    public bool ChoosesDirectorate => User.IsInRole("complaints_team");

    public IReadOnlyList<ChoiceGroup> Directorates { get; private set; } = [];

    protected override bool UsesDirectory => ChoosesDirectorate;

    public static IReadOnlyList<ChoiceGroup> Quarters => ReportText.Group("Quarters",
        [("1", "Quarter 1 (April to June)"), ("2", "Quarter 2 (July to September)"), ("3", "Quarter 3 (October to December)"), ("4", "Quarter 4 (January to March)")]);

    public string Query(DocumentKind kind) => kind == DocumentKind.DepartmentalQuarterly
        ? $"?year={Uri.EscapeDataString(Year ?? "")}&quarter={Uri.EscapeDataString(Quarter ?? "1")}&directorate={Uri.EscapeDataString(Directorate ?? "")}"
        : $"?year={Uri.EscapeDataString(Year ?? "")}";

    public void OnGet()
    {
        Year ??= (ReportText.CurrentFinancialYear(clock.GetUtcNow()) - 1).ToString();
        Quarter ??= "1";
        if (ChoosesDirectorate)
        {
            Directorates = [new ChoiceGroup("Directorates", Directory.Configuration.Directorates.Select(d => new Choice(d.Id, d.Name)).ToList())];
            Directorate ??= Directory.Configuration.Directorates.FirstOrDefault()?.Id;
        }
    }
}
