using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>The four charts of the annual reports for a financial year, each drawn by Reporting with its figures beside it.</summary>
public sealed class ChartsModel(StaffTokens tokens, StaffDirectory directory, ReportingDocuments.ReportingDocumentsClient documents, TimeProvider clock)
    : ReportsPage(tokens, directory)
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public List<Chart> Charts { get; } = [];

    private static readonly FieldInput[] Inputs = [new("year", nameof(Year), "Year"), new("target_percent", nameof(Target), "Target")];

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= ReportText.CurrentFinancialYear(clock.GetUtcNow()).ToString();
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
            foreach (var kind in new[] { ChartKind.VolumesByStreamAndStage, ChartKind.Timeliness, ChartKind.OutcomesByService, ChartKind.OmbudsmanAgainstSimilar })
            {
                Charts.Add(await documents.GetChartAsync(new ChartRequest { Kind = kind, Year = year, TargetPercent = target }, Call));
            }
        }
        catch (RpcException ex) when (Invalid(ex, Inputs))
        {
            Charts.Clear();
        }
        return Page();
    }
}
