using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>Any report by period, basis and grouping, as Reporting returns it (a GET form: the address is the report).</summary>
public sealed class TablesModel(StaffTokens tokens, StaffDirectory directory, Reporting.V1.Reporting.ReportingClient reporting, TimeProvider clock)
    : ReportsPage(tokens, directory)
{
    [BindProperty(SupportsGet = true)]
    public string? Report { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PeriodKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Basis { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grouping { get; set; }

    public ReportTable? Table { get; private set; }

    public static IReadOnlyList<ChoiceGroup> ReportChoices => ReportText.Group("Reports", ReportText.Kinds.Select(k => (((int)k.Kind).ToString(), k.Text)));

    public static IReadOnlyList<ChoiceGroup> PeriodChoices => ReportText.Group("Periods", ReportText.Periods.Select(k => (((int)k.Kind).ToString(), k.Text)));

    public static IReadOnlyList<ChoiceGroup> BasisChoices => ReportText.Group("Basis", ReportText.Bases.Select(k => (((int)k.Basis).ToString(), k.Text)));

    public static IReadOnlyList<ChoiceGroup> GroupingChoices => ReportText.Group("Grouping", ReportText.Groupings.Select(k => (((int)k.Grouping).ToString(), k.Text)));

    public string CsvLink => Links.Staff.Reports.Tables + "?handler=csv&" + Request.QueryString.Value?.TrimStart('?');

    public static readonly FieldInput[] Inputs =
    [
        new("report", nameof(Report), "Report"),
        new("period.kind", nameof(PeriodKind), "Period"),
        new("period.year", nameof(Year), "Year"),
        new("period.number", nameof(Number), "Quarter or month"),
        new("period", nameof(Year), "Period"),
        new("basis", nameof(Basis), "Basis"),
        new("grouping", nameof(Grouping), "Grouping"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= ReportText.CurrentFinancialYear(clock.GetUtcNow()).ToString();
        PeriodKind ??= ((int)Reporting.V1.PeriodKind.FinancialYear).ToString();
        if (Report is null)
        {
            return Page();
        }
        if (Build() is { } request)
        {
            try
            {
                Table = await reporting.GetReportAsync(request, Call);
            }
            catch (RpcException ex) when (Invalid(ex, Inputs))
            {
            }
        }
        return Page();
    }

    /// <summary>The same report as Reporting's CSV (the same access and suppression).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Build() is { } request)
        {
            try
            {
                var export = await reporting.ExportCsvAsync(request, Call);
                return Download(export.FileName, "text/csv; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(export.Csv));
            }
            catch (RpcException ex) when (Invalid(ex, Inputs))
            {
            }
        }
        return Page();
    }

    /// <summary>The request the form describes, or null with the inputs' errors when a number is not a number.</summary>
    private ReportRequest? Build()
    {
        var request = new ReportRequest
        {
            Report = Enum.TryParse<ReportKind>(Report, out var kind) ? kind : ReportKind.Unspecified,
            Basis = Enum.TryParse<Basis>(Basis, out var basis) ? basis : Reporting.V1.Basis.Unspecified,
            Grouping = Enum.TryParse<Grouping>(Grouping, out var grouping) ? grouping : Reporting.V1.Grouping.Council,
            Period = new Period { Kind = Enum.TryParse<PeriodKind>(PeriodKind, out var period) ? period : Reporting.V1.PeriodKind.FinancialYear },
        };
        if (!int.TryParse(Year?.Trim(), out var year))
        {
            ModelState.AddModelError(nameof(Year), "Enter the year as a number, like 2025");
        }
        var needsNumber = request.Period.Kind is Reporting.V1.PeriodKind.Quarter or Reporting.V1.PeriodKind.Month;
        var number = 0;
        if (needsNumber && !int.TryParse(Number?.Trim(), out number))
        {
            ModelState.AddModelError(nameof(Number), "Enter the quarter (1 to 4) or the month (1 to 12) as a number");
        }
        if (ModelState.ErrorCount > 0)
        {
            ViewData["HasErrors"] = true;
            return null;
        }
        request.Period.Year = year;
        request.Period.Number = needsNumber ? number : 0;
        return request;
    }
}
