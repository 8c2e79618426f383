using System.Globalization;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>Erasure and rectification requests: recorded with the reason, decided with a reason, who decided kept.</summary>
public sealed class RequestsModel(StaffTokens tokens, StaffDirectory directory, CaseWorkflow.V1.DataProtection.DataProtectionClient dataProtection, TimeProvider clock) : PageModel
{
    /// <summary>Names for the officer ids the records carry.</summary>
    public StaffDirectory Directory => directory;

    public List<DataRequest>? Requests { get; private set; }

    /// <summary>What was just recorded, for the success banner: "request" or "decision"; null otherwise.</summary>
    public string? Done { get; private set; }

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

    public async Task<IActionResult> OnGetAsync(string? done = null)
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        Done = done is "request" or "decision" ? done : null;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        var received = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(ReceivedOn) && !DateOnly.TryParseExact(ReceivedOn.Trim(), ["d M yyyy", "d/M/yyyy", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out received))
        {
            ModelState.AddModelError(nameof(ReceivedOn), "Enter the date received as day, month and year, for example 27 3 2026");
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await dataProtection.RecordDataRequestAsync(new RecordDataRequestRequest
                {
                    Kind = (DataRequestKind)Kind, PersonId = PersonId?.Trim() ?? "", CaseId = CaseId?.Trim() ?? "", Reason = Reason?.Trim() ?? "",
                    ReceivedOn = new Google.Type.Date { Year = received.Year, Month = received.Month, Day = received.Day },
                }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.Requests + "?done=request");
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "",
                new("kind", "kind-erasure", "Kind"), new("person_id", nameof(PersonId), "Person id"), new("case_id", nameof(CaseId), "Case id"),
                new("reason", nameof(Reason), "Reason"), new("received_on", nameof(ReceivedOn), "Date received")))
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
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await dataProtection.DecideDataRequestAsync(new DecideDataRequestRequest
                {
                    RequestId = RequestId ?? "", Decision = (DataRequestDecision)Decision, DecisionReason = DecisionReason?.Trim() ?? "",
                }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.Requests + "?done=decision");
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "decision-" + RequestId,
                new("decision", "approve-" + RequestId, "Decision"), new("decision_reason", "decision-" + RequestId, "Reason")))
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
            var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
            await directory.TryLoadAsync(call);
            Requests = [.. (await dataProtection.ListDataRequestsAsync(new ListDataRequestsRequest(), call)).Requests];
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Requests = null;
        }
    }
}
