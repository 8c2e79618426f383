using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Status;

public sealed class WithdrawModel(StatusSession session, PublicIntake.PublicIntakeClient intake) : StatusPage(session)
{
    [BindProperty] public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync() =>
        await TryAsync(() => intake.WithdrawAsync(new WithdrawRequest
        {
            Reference = Reference, StatusToken = Token, ClientRequestId = RequestId.ToString(), Reason = Reason?.Trim() ?? "",
        }, cancellationToken: HttpContext.RequestAborted).ResponseAsync, nameof(Reason), "Your reason", "reason") ?? Done("withdrawn");
}
