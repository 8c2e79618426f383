using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>Legal holds on a person or case: placed and released with a reason (complaints team, data protection officer).</summary>
public sealed class HoldsModel(StaffTokens tokens, StaffDirectory directory, CaseWorkflow.V1.DataProtection.DataProtectionClient dataProtection) : PageModel
{
    /// <summary>Names for the officer ids the records carry.</summary>
    public StaffDirectory Directory => directory;

    public List<LegalHold>? Holds { get; private set; }

    /// <summary>What was just done, for the success banner: "placed" or "released"; null otherwise.</summary>
    public string? Done { get; private set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? CaseId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? HoldId { get; set; }

    [BindProperty]
    public string? ReleaseReason { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done = null)
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        Done = done is "placed" or "released" ? done : null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        // What a hold must say is CaseWorkflow's rule: its field violations go beside these inputs.
        try
        {
            await dataProtection.PlaceLegalHoldAsync(new PlaceLegalHoldRequest
            {
                PersonId = PersonId?.Trim() ?? "", CaseId = CaseId?.Trim() ?? "", Reason = Reason?.Trim() ?? "",
            }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
            return Redirect(Links.Staff.DataProtection.Holds + "?done=placed");
        }
        catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "",
            new("person_id", nameof(PersonId), "Person id"), new("case_id", nameof(CaseId), "Case id"), new("reason", nameof(Reason), "Reason")))
        {
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        try
        {
            await dataProtection.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { HoldId = HoldId ?? "", Reason = ReleaseReason?.Trim() ?? "" },
                await tokens.CallOptionsAsync(HttpContext.RequestAborted));
            return Redirect(Links.Staff.DataProtection.Holds + "?done=released");
        }
        catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "release-" + HoldId,
            new FieldInput("reason", "release-" + HoldId, "Reason")))
        {
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        try
        {
            var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
            await directory.TryLoadAsync(call);
            Holds = [.. (await dataProtection.ListLegalHoldsAsync(new ListLegalHoldsRequest { IncludeReleased = true }, call)).Holds];
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Holds = null;
        }
    }
}
