using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Triage;

/// <summary>
/// A contact side by side with its triage: attachments, representative and consent, adjustments and
/// possible duplicates; the decision (or a later reclassification) and each duplicate flag confirmed or dismissed.
/// </summary>
public sealed class ContactModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Intake.IntakeClient intake,
    CaseWorkflow.V1.Cases.CasesClient cases, Intake.V1.Registers.RegistersClient registers) : StaffPage(tokens, directory)
{
    public ContactDetail Contact { get; private set; } = new();

    public string? CaseId { get; private set; }

    /// <summary>The person's adjustments and restrictions (null when the officer may not read them).</summary>
    public PersonRegisters? Registers { get; private set; }

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Stream { get; set; }
    [BindProperty] public string? ServiceAreaId { get; set; }
    [BindProperty] public string? ReasonCode { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<string> Options { get; set; } = [];

    public static readonly IReadOnlyList<FieldInput> Inputs =
    [
        new("decision", nameof(Decision), "Decision"),
        new("to_decision", nameof(Decision), "Decision"),
        new("stream", nameof(Stream), "Stream"),
        new("service_area_id", nameof(ServiceAreaId), "Service area"),
        new("reason_code", nameof(ReasonCode), "Reason"),
        new("notes", nameof(Notes), "Notes"),
        new("reason", nameof(Reason), "Why it is reclassified"),
    ];

    public bool Triaged => Contact.TriageHistory.Count > 0;

    public async Task OnGetAsync(string contactId)
    {
        await LoadAsync(contactId);
        ServiceAreaId = Contact.ServiceAreaId;
    }

    public async Task<IActionResult> OnPostAsync(string contactId)
    {
        await LoadAsync(contactId);
        try
        {
            var decision = Enum.TryParse<TriageDecision>(Decision, out var d) ? d : TriageDecision.Unspecified;
            var stream = Enum.TryParse<ComplaintStream>(Stream, out var s) ? s : ComplaintStream.Unspecified;
            if (Triaged)
            {
                await intake.ReclassifyAsync(new ReclassifyRequest
                {
                    ContactId = contactId, ToDecision = decision, Stream = stream, Reason = Reason ?? "", OfferToComplain = Options.Contains("offer"),
                    ReasonCode = ReasonCode ?? "", ServiceAreaId = ServiceAreaId ?? "",
                }, Call);
            }
            else
            {
                await intake.TriageAsync(new TriageRequest
                {
                    ContactId = contactId, Decision = decision, Stream = stream, ReasonCode = ReasonCode ?? "", Notes = Notes ?? "",
                    OutOfTimeAccepted = Options.Contains("accept-late"), ServiceAreaId = ServiceAreaId ?? "", OfferToComplain = Options.Contains("offer"),
                }, Call);
            }
            return Redirect($"{Links.Staff.Contact(contactId)}?done=true");
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            var violations = ServiceErrors.Violations(ex);
            if (!ServiceErrors.AddTo(ModelState, violations, Inputs))
            {
                ModelState.AddModelError("", ex.Status.Detail);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            ModelState.AddModelError("", ex.Status.Detail);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDuplicateAsync(string contactId, string flagId, bool confirmed)
    {
        await intake.ResolveDuplicateFlagAsync(new ResolveDuplicateFlagRequest { FlagId = flagId, Confirmed = confirmed }, Call);
        return Redirect(Links.Staff.Contact(contactId));
    }

    public async Task<IActionResult> OnGetAttachmentAsync(string contactId, string attachmentId)
    {
        var file = await intake.GetAttachmentAsync(new GetAttachmentRequest { AttachmentId = attachmentId }, Call);
        return File(file.Content.ToByteArray(), file.Info.ContentType, file.Info.FileName);
    }

    private async Task LoadAsync(string contactId)
    {
        Contact = await intake.GetContactAsync(new GetContactRequest { ContactId = contactId }, Call);
        try
        {
            CaseId = (await cases.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = Contact.Reference }, Call)).Id;
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.PermissionDenied)
        {
            CaseId = null; // no case (yet): not a complaint, or its case is still being opened
        }
        try
        {
            Registers = Contact.PersonId.Length == 0 ? null
                : await registers.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = Contact.PersonId }, Call);
        }
        catch (RpcException ex) when (ex.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.PermissionDenied)
        {
            Registers = null;
        }
    }

    public static readonly IReadOnlyList<Choice> Decisions =
    [
        new(nameof(TriageDecision.Complaint), "Complaint", "Choose its stream and service area"),
        new(nameof(TriageDecision.ServiceRequest), "Service request", "Passed to the service area; offer the choice to complain if dissatisfaction was expressed"),
        new(nameof(TriageDecision.Enquiry), "Enquiry, comment or suggestion", "Passed to the service area"),
        new(nameof(TriageDecision.Compliment), "Compliment"),
        new(nameof(TriageDecision.ResolvedByComplaintsTeam), "Resolved by the complaints team", "Say what was done in the notes"),
        new(nameof(TriageDecision.ReferOnlineReporting), "Refer to online reporting"),
        new(nameof(TriageDecision.Signpost), "Signpost", "Choose where to"),
        new(nameof(TriageDecision.Excluded), "Excluded", "Choose the reason; the person is told it"),
        new(nameof(TriageDecision.OutOfTime), "Out of time", "More than 12 months after the person knew; tick to accept it anyway, with a stream and the reason in the notes"),
    ];

    public static readonly IReadOnlyList<ChoiceGroup> Streams =
    [
        new("Streams", Enum.GetValues<ComplaintStream>().Where(s => s != ComplaintStream.Unspecified).Select(s => new Choice(s.ToString(), CaseText.Stream(s))).ToList()),
    ];

    public IReadOnlyList<ChoiceGroup> ReasonCodes =>
    [
        new("Exclusion reasons", Directory.List("exclusion_reasons")),
        new("Signpost destinations", Directory.List("signpost_destinations")),
    ];

    public static readonly IReadOnlyList<Choice> OptionChoices =
    [
        new("offer", "The person expressed dissatisfaction: offer them the choice to complain"),
        new("accept-late", "Out of time, but accepted for a good reason"),
    ];
}
