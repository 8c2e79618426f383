using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>The four charts of the annual reports for a financial or calendar year, each drawn by Reporting with its figures beside it.</summary>
public sealed class ChartsModel(StaffTokens tokens, StaffDirectory directory, ReportingDocuments.ReportingDocumentsClient documents, TimeProvider clock)
    : ReportsPage(tokens, directory)
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    /// <summary>Financial or calendar years, as the report tables offer them.</summary>
    [BindProperty(SupportsGet = true)]
    public string? YearKind { get; set; }

    public static IReadOnlyList<ChoiceGroup> YearKinds => ReportText.Group("Years",
        [("", "The years the council publishes by"), (((int)PeriodKind.FinancialYear).ToString(), "Financial years (April to March)"),
            (((int)PeriodKind.CalendarYear).ToString(), "Calendar years (January to December)")]);

    public List<Chart> Charts { get; } = [];

    private static readonly FieldInput[] Inputs =
        [new("year", nameof(Year), "Year"), new("target_percent", nameof(Target), "Target"), new("year_kind", nameof(YearKind), "Kind of year")];

    public async Task<IActionResult> OnGetAsync()
    {
        var kind = int.TryParse(YearKind, out var k) && k is (int)PeriodKind.FinancialYear or (int)PeriodKind.CalendarYear ? (PeriodKind)k : PeriodKind.Unspecified;
        Year ??= (kind == PeriodKind.CalendarYear ? clock.GetUtcNow().Year : ReportText.CurrentFinancialYear(clock.GetUtcNow())).ToString();
        if (!int.TryParse(Year.Trim(), out var year))
        {
            ModelState.AddModelError(nameof(Year), "Enter the year as a number, like 2025");
        }
        var target = 0;
        if (!string.IsNullOrWhiteSpace(Target) && !int.TryParse(Target.Trim().TrimEnd('%'), out target))
        {
            ModelState.AddModelError(nameof(Target), "Enter the target as a whole percentage, like 90");
        }
        if (ModelState.ErrorCount > 0)
        {
            ViewData["HasErrors"] = true;
            return Page();
        }
        try
        {
            foreach (var chart in new[] { ChartKind.VolumesByStreamAndStage, ChartKind.Timeliness, ChartKind.OutcomesByService, ChartKind.OmbudsmanAgainstSimilar })
            {
                Charts.Add(await documents.GetChartAsync(new ChartRequest { Kind = chart, Year = year, TargetPercent = target, YearKind = kind }, Call));
            }
        }
        catch (RpcException ex) when (Invalid(ex, Inputs))
        {
            Charts.Clear();
        }
        return Page();
    }
}
