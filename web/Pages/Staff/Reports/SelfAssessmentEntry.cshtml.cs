using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>The complaints team records the assessment of one provision for one year (Reporting audits each change).</summary>
public sealed class SelfAssessmentEntryModel(StaffTokens tokens, StaffDirectory directory, ReportingDocuments.ReportingDocumentsClient documents)
    : ReportsPage(tokens, directory)
{
    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    public SelfAssessmentItem? Item { get; private set; }

    public int Year { get; private set; }

    public int Ombudsman { get; private set; }

    public static IReadOnlyList<Choice> Statuses =>
    [
        new(((int)ComplianceStatus.Complies).ToString(), "Complies"),
        new(((int)ComplianceStatus.Partly).ToString(), "Partly complies"),
        new(((int)ComplianceStatus.DoesNotComply).ToString(), "Does not comply"),
    ];

    public string Back => $"{Links.Staff.Reports.SelfAssessment}?year={Year}&code={(Ombudsman == (int)ComplaintsPlatform.Ombudsman.V1.Ombudsman.Housing ? "housing" : "lgsco")}";

    public async Task<IActionResult> OnGetAsync(int year, string paragraph, int ombudsman)
    {
        if (!User.IsInRole("complaints_team"))
        {
            return Refuse("You cannot open this", "The self-assessment is recorded by the complaints team.");
        }
        await LoadAsync(year, paragraph, ombudsman);
        if (Item is null)
        {
            return NotFound();
        }
        Status = Item.AssessedStatus == ComplianceStatus.Unspecified ? null : ((int)Item.AssessedStatus).ToString();
        Evidence = Item.Evidence;
        Commentary = Item.Commentary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string paragraph, int ombudsman)
    {
        if (!User.IsInRole("complaints_team"))
        {
            return Refuse("You cannot open this", "The self-assessment is recorded by the complaints team.");
        }
        var request = new UpdateSelfAssessmentEntryRequest
        {
            Year = year, Paragraph = paragraph,
            Status = int.TryParse(Status, out var s) ? (ComplianceStatus)s : ComplianceStatus.Unspecified,
            Evidence = Evidence?.Trim() ?? "", Commentary = Commentary?.Trim() ?? "",
        };
        try
        {
            await documents.UpdateSelfAssessmentEntryAsync(request, Call);
            Year = year;
            Ombudsman = ombudsman;
            return Redirect(Back + "&saved=true");
        }
        catch (RpcException ex) when (Invalid(ex, new FieldInput("status", nameof(Status), "Status"), new FieldInput("evidence", nameof(Evidence), "Evidence"),
            new FieldInput("commentary", nameof(Commentary), "Commentary")))
        {
        }
        await LoadAsync(year, paragraph, ombudsman);
        return Item is null ? NotFound() : Page();
    }

    private async Task LoadAsync(int year, string paragraph, int ombudsman)
    {
        (Year, Ombudsman) = (year, ombudsman);
        var register = await documents.GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = year, Ombudsman = ombudsman }, Call);
        Item = register.Items.FirstOrDefault(i => i.Paragraph == paragraph);
    }
}
