using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using OmbudsmanLiaisonClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using V1Direction = ComplaintsPlatform.Ombudsman.V1.Direction;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>A new enquiry from the Ombudsman, linked to the council's case when it has one here.</summary>
public sealed class RegisterModel(StaffTokens tokens, StaffDirectory directory, OmbudsmanLiaisonClient ombudsman)
    : StaffForm(tokens, directory)
{
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public DateParts ReceivedOn { get; set; } = new();
    [BindProperty] public string? Directorate { get; set; }
    [BindProperty] public string? CaseReference { get; set; }
    [BindProperty] public string? LegacyReference { get; set; }
    [BindProperty] public string? PreAllocation { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    public IReadOnlyList<ChoiceGroup> Directorates =>
        [new("Directorates", Directory.Configuration.Directorates.Select(d => new Choice(d.Id, d.Name)).ToList())];

    protected override IReadOnlyList<FieldInput> Inputs =>
    [
        new("ombudsman", nameof(Body), "Ombudsman"),
        new("ombudsman_reference", nameof(Reference), "Ombudsman reference"),
        new("received_on", nameof(ReceivedOn), "Date received"),
        new("directorate_id", nameof(Directorate), "Department"),
        new("case_reference", nameof(CaseReference), "Council case reference"),
        new("legacy_case_reference", nameof(LegacyReference), "Reference in the old system"),
        new("summary", nameof(Summary), "Summary"),
    ];

    public IActionResult OnGet() => OmbudsmanText.Records(User) ? Page() : Refuse("You cannot open this", "Only the link officers and the complaints team register Ombudsman enquiries.");

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var caseReference = CaseReference?.Trim() ?? "";
            var enquiry = await ombudsman.RegisterEnquiryAsync(new RegisterEnquiryRequest
            {
                Ombudsman = Enum.TryParse<OmbudsmanBody>(Body, out var body) ? body : OmbudsmanBody.Unspecified,
                OmbudsmanReference = Reference?.Trim() ?? "",
                ReceivedOn = DateOf(ReceivedOn, nameof(ReceivedOn)),
                DirectorateId = Directorate ?? "",
                CaseReference = caseReference,
                PredatesPlatform = caseReference.Length == 0,
                LegacyCaseReference = caseReference.Length == 0 ? LegacyReference?.Trim() ?? "" : "",
                PreAllocation = PreAllocation == "yes",
                Summary = Summary?.Trim() ?? "",
            }, Call);
            return Redirect(Links.Staff.Ombudsman.Enquiry(enquiry.Id));
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }
}
