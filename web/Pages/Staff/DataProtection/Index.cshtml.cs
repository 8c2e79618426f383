using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>What needs the data protection officer's attention: holds in force, requests to decide, the schedule's version.</summary>
public sealed class IndexModel(StaffTokens tokens, CaseWorkflow.V1.DataProtection.DataProtectionClient dataProtection) : PageModel
{
    public string ActiveHolds { get; private set; } = "–";

    public string UndecidedRequests { get; private set; } = "–";

    public string ScheduleVersion { get; private set; } = "–";

    public bool Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
        try
        {
            ActiveHolds = (await dataProtection.ListLegalHoldsAsync(new ListLegalHoldsRequest(), call)).Holds.Count(h => h.Active).ToString();
            UndecidedRequests = (await dataProtection.ListDataRequestsAsync(new ListDataRequestsRequest { UndecidedOnly = true }, call)).Requests.Count.ToString();
            var schedule = await dataProtection.GetRetentionScheduleAsync(new GetRetentionScheduleRequest(), call);
            ScheduleVersion = $"Configuration version {schedule.ConfigurationVersion}";
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Unavailable = true;
        }
        return Page();
    }
}
