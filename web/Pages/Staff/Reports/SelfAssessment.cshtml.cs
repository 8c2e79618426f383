using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>A Code's self-assessment register for a year: read by every report role, edited by the complaints team.</summary>
public sealed class SelfAssessmentModel(StaffTokens tokens, StaffDirectory directory, ReportingDocuments.ReportingDocumentsClient documents, TimeProvider clock)
    : ReportsPage(tokens, directory)
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public SelfAssessment? Register { get; private set; }

    public bool CanEdit => User.IsInRole("complaints_team");

    public int Ombudsman => Code == "housing" ? (int)ComplaintsPlatform.Ombudsman.V1.Ombudsman.Housing : (int)ComplaintsPlatform.Ombudsman.V1.Ombudsman.Lgsco;

    public static IReadOnlyList<ChoiceGroup> Codes => ReportText.Group("Codes",
        [("lgsco", "Complaint Handling Code (Local Government and Social Care Ombudsman)"), ("housing", "Housing Ombudsman's Complaint Handling Code")]);

    public async Task<IActionResult> OnGetAsync()
    {
        Year ??= ReportText.CurrentFinancialYear(clock.GetUtcNow()).ToString();
        Code ??= "lgsco";
        if (!int.TryParse(Year.Trim(), out var year))
        {
            ModelState.AddModelError(nameof(Year), "Enter the year as a number, like 2025");
            ViewData["HasErrors"] = true;
            return Page();
        }
        try
        {
            Register = await documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = year, Ombudsman = Ombudsman }, Call);
        }
        catch (Grpc.Core.RpcException ex) when (Invalid(ex, new Infrastructure.FieldInput("year", nameof(Year), "Year")))
        {
        }
        return Page();
    }

    public static string Colour(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Complies => "green",
        ComplianceStatus.Partly => "yellow",
        ComplianceStatus.DoesNotComply => "red",
        _ => "grey",
    };

    public static string Status(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Complies => "Complies",
        ComplianceStatus.Partly => "Partly complies",
        ComplianceStatus.DoesNotComply => "Does not comply",
        _ => "Not assessed",
    };
}
