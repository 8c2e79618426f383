using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Status;

/// <summary>Whether the request is in time, and allowed at all, is CaseWorkflow's answer, shown as it gives it.</summary>
public sealed class NextStageModel(StatusSession session, PublicIntake.PublicIntakeClient intake) : StatusPage(session)
{
    [BindProperty] public string? Reasons { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync() =>
        await TryAsync(() => intake.RequestNextStageAsync(new RequestNextStageRequest
        {
            Reference = Reference, StatusToken = Token, ClientRequestId = RequestId.ToString(), Reasons = Reasons?.Trim() ?? "",
        }, cancellationToken: HttpContext.RequestAborted).ResponseAsync, nameof(Reasons), "Your reasons", "reasons") ?? Done("next-stage");
}
