using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ComplaintsPlatform.Web.Pages.Staff.Reports;

/// <summary>A reports page: for the roles that read reports; Reporting decides what each one sees.</summary>
public abstract class ReportsPage(StaffTokens tokens, StaffDirectory directory) : StaffPage(tokens, directory)
{
    protected override bool UsesDirectory => false;

    public bool Scrutiny => User.IsInRole("scrutiny") && !User.IsInRole("complaints_team") && !User.IsInRole("service_lead");

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!StaffSignIn.ReportRoles.Any(User.IsInRole))
        {
            context.Result = Refuse("You cannot open this", "Reports are for the complaints team, service leads and councillors (scrutiny).");
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The service's field violations as the page's errors; true when it refused the request's values.</summary>
    protected bool Invalid(RpcException ex, params FieldInput[] inputs)
    {
        var violations = ServiceErrors.Violations(ex);
        if (violations.Count == 0)
        {
            return false;
        }
        if (!ServiceErrors.AddTo(ModelState, violations, inputs))
        {
            foreach (var v in violations)
            {
                ModelState.AddModelError("", v.Description);
            }
        }
        ViewData["HasErrors"] = true;
        return true;
    }

    protected static FileContentResult Download(string fileName, string contentType, byte[] content) =>
        new(content, contentType) { FileDownloadName = fileName };
}
