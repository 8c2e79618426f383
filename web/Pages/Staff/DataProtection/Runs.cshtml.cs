using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>The last runs of every service's retention job and what each removed (ids only).</summary>
public sealed class RunsModel(
    StaffTokens tokens,
    StaffDirectory directory,
    Intake.V1.Retention.RetentionClient intake,
    CaseWorkflow.V1.Retention.RetentionClient caseWorkflow,
    Ombudsman.V1.Retention.RetentionClient ombudsman,
    Compliments.V1.Retention.RetentionClient compliments) : PageModel
{
    private const int Last = 10;

    public sealed record ServiceRuns(string Key, string Name, List<RetentionRun>? Runs);

    public List<ServiceRuns> Services { get; } = [];

    /// <summary>Names for the officer ids the records carry.</summary>
    public StaffDirectory Directory => directory;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
        await directory.TryLoadAsync(call);
        var request = new ListRetentionRunsRequest { Limit = Last, WithRemoved = true };
        Services.Add(await RunsAsync("intake", "Contacts (Intake)", () => intake.ListRetentionRunsAsync(request, call).ResponseAsync));
        Services.Add(await RunsAsync("case-workflow", "Cases", () => caseWorkflow.ListRetentionRunsAsync(request, call).ResponseAsync));
        Services.Add(await RunsAsync("ombudsman-liaison", "Ombudsman enquiries", () => ombudsman.ListRetentionRunsAsync(request, call).ResponseAsync));
        Services.Add(await RunsAsync("compliments", "Compliments", () => compliments.ListRetentionRunsAsync(request, call).ResponseAsync));
        return Page();
    }

    private static async Task<ServiceRuns> RunsAsync(string key, string name, Func<Task<ListRetentionRunsReply>> list)
    {
        try
        {
            return new(key, name, [.. (await list()).Runs]);
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            return new(key, name, null);
        }
    }
}
