using System.Globalization;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>Erasure and rectification requests: recorded with the reason, decided with a reason, who decided kept.</summary>
public sealed class RequestsModel(StaffTokens tokens, CaseWorkflow.V1.DataProtection.DataProtectionClient dataProtection, TimeProvider clock) : PageModel
{
    public List<DataRequest>? Requests { get; private set; }

    [BindProperty]
    public int Kind { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public string? CaseId { get; set; }

    [BindProperty]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? RequestId { get; set; }

    [BindProperty]
    public int Decision { get; set; }

    [BindProperty]
    public string? DecisionReason { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        if ((DataRequestKind)Kind is not (DataRequestKind.Erasure or DataRequestKind.Rectification))
        {
            ModelState.AddModelError("kind-erasure", "Select erasure or rectification");
        }
        if (string.IsNullOrWhiteSpace(PersonId) == string.IsNullOrWhiteSpace(CaseId))
        {
            ModelState.AddModelError(nameof(PersonId), "Enter a person id or a case id, not both");
        }
        var received = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(ReceivedOn) && !DateOnly.TryParseExact(ReceivedOn.Trim(), ["d M yyyy", "d/M/yyyy", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out received))
        {
            ModelState.AddModelError(nameof(ReceivedOn), "Enter the date received as day, month and year, for example 27 3 2026");
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter what the person asked for and why");
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await dataProtection.RecordDataRequestAsync(new RecordDataRequestRequest
                {
                    Kind = (DataRequestKind)Kind, PersonId = PersonId?.Trim() ?? "", CaseId = CaseId?.Trim() ?? "", Reason = Reason!.Trim(),
                    ReceivedOn = new Google.Type.Date { Year = received.Year, Month = received.Month, Day = received.Day },
                }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.Requests);
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState))
            {
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        if ((DataRequestDecision)Decision is not (DataRequestDecision.Approved or DataRequestDecision.Refused))
        {
            ModelState.AddModelError("approve-" + RequestId, "Select approve or refuse");
        }
        if (string.IsNullOrWhiteSpace(DecisionReason))
        {
            ModelState.AddModelError("decision-" + RequestId, "Enter the reason for the decision");
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await dataProtection.DecideDataRequestAsync(new DecideDataRequestRequest
                {
                    RequestId = RequestId ?? "", Decision = (DataRequestDecision)Decision, DecisionReason = DecisionReason!.Trim(),
                }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.Requests);
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "decision-" + RequestId))
            {
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        try
        {
            Requests = [.. (await dataProtection.ListDataRequestsAsync(new ListDataRequestsRequest(), await tokens.CallOptionsAsync(HttpContext.RequestAborted))).Requests];
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Requests = null;
        }
    }
}
