using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>The retention schedule in force: read by the data protection officer, changed by the complaints team (a new configuration version).</summary>
public sealed class ScheduleModel(StaffTokens tokens, StaffDirectory directory, CaseWorkflow.V1.DataProtection.DataProtectionClient dataProtection) : PageModel
{
    /// <summary>Names for the officer ids the records carry.</summary>
    public StaffDirectory Directory => directory;

    public sealed class RuleInput
    {
        public int Kind { get; set; }

        public string? Months { get; set; }

        public int Action { get; set; }
    }

    public RetentionScheduleView? Schedule { get; private set; }

    public bool CanEdit => User.IsInRole("complaints_team");

    public bool Saved { get; private set; }

    [BindProperty]
    public List<RuleInput> Rules { get; set; } = [];

    [BindProperty]
    public int ExpectedVersion { get; set; }

    [BindProperty]
    public string? ChangeReason { get; set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        Saved = saved;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var request = new UpdateRetentionScheduleRequest { ExpectedVersion = ExpectedVersion, ChangeReason = ChangeReason?.Trim() ?? "" };
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (!int.TryParse(rule.Months?.Trim(), out var months))
            {
                ModelState.AddModelError($"months-{i}", $"Enter the months to keep {DataProtectionText.Kind((RetentionKind)rule.Kind).ToLowerInvariant()} as a whole number");
                continue;
            }
            request.Rules.Add(new RetentionRule { Kind = (RetentionKind)rule.Kind, Months = months, Action = (RetentionAction)rule.Action });
        }
        if (string.IsNullOrWhiteSpace(ChangeReason))
        {
            ModelState.AddModelError(nameof(ChangeReason), "Enter why the schedule changes");
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await dataProtection.UpdateRetentionScheduleAsync(request, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.Schedule + "?saved=true");
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState))
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
            Schedule = await dataProtection.GetRetentionScheduleAsync(new GetRetentionScheduleRequest(), call);
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Schedule = null;
        }
    }
}
