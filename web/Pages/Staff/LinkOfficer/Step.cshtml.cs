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

/// <summary>
/// One step on an enquiry, one form per page: a request and its reply, a letter, the draft decision
/// and the comments on it, the final decision, a recommendation or order and its completion, a public
/// interest report step, or the council's case linked. Which step the enquiry allows is the service's rule.
/// </summary>
public sealed partial class StepModel(StaffTokens tokens, StaffDirectory directory, OmbudsmanLiaisonClient ombudsman)
    : StaffForm(tokens, directory)
{
    public Enquiry Enquiry { get; private set; } = new();

    public EnquiryStep Step { get; private set; } = EnquirySteps.Request;

    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty] public DateParts On { get; set; } = new();
    [BindProperty] public DateParts Due { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Direction { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Closure { get; set; }
    [BindProperty] public string? Injustice { get; set; }
    [BindProperty] public string? SatisfactoryRemedy { get; set; }
    [BindProperty] public string? PublicInterestReport { get; set; }
    [BindProperty] public string? Element { get; set; }
    [BindProperty] public string? Determination { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? CaseReference { get; set; }
    [BindProperty] public string? PublicInterestStep { get; set; }

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    public static readonly IReadOnlyList<Choice> Directions = [new(nameof(V1Direction.In), "From the Ombudsman"), new(nameof(V1Direction.Out), "To the Ombudsman")];

    public static readonly IReadOnlyList<Choice> PublicInterestSteps =
    [
        new(nameof(DeadlineKind.PublicNotice), "Public notice given"),
        new(nameof(DeadlineKind.PublicInterestResponse), "The council told the Ombudsman what it will do"),
    ];

    public bool IsHousing => Enquiry.Ombudsman == OmbudsmanBody.Housing;

    public async Task<IActionResult> OnGetAsync(Guid enquiryId, string step)
    {
        if (await LoadAsync(enquiryId, step) is { } refused)
        {
            return refused;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enquiryId, string step)
    {
        if (await LoadAsync(enquiryId, step) is { } refused)
        {
            return refused;
        }
        try
        {
            await RecordAsync(Enquiry.Id);
            return Redirect(Links.Staff.Ombudsman.Enquiry(Enquiry.Id) + "?done=" + Step.Slug);
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid enquiryId, string step)
    {
        if (!OmbudsmanText.Records(User))
        {
            return Refuse("You cannot open this", "Only the link officers and the complaints team record Ombudsman steps.");
        }
        if (EnquirySteps.Find(step) is not { } found)
        {
            return NotFound();
        }
        Step = found;
        Enquiry = await ombudsman.GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = enquiryId.ToString() }, Call);
        return null;
    }
}
