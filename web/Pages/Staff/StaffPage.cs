using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>
/// A staff page: calls carry the officer's own token and the directory is at hand for names. A
/// refusal by a service is shown as the service's own words: PERMISSION_DENIED as "you cannot open this",
/// NOT_FOUND as not found, never a stack trace.
/// </summary>
public abstract class StaffPage(StaffTokens tokens, StaffDirectory directory) : PageModel
{
    protected CallOptions Call { get; private set; }

    public StaffDirectory Directory => directory;

    /// <summary>False for pages that show no names from the directory (reports: scrutiny may not read the directory).</summary>
    protected virtual bool UsesDirectory => true;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
        try
        {
            if (UsesDirectory)
            {
                await directory.LoadAsync(Call);
            }
            var executed = await next();
            if (executed.Exception is RpcException ex && Refused(ex) is { } result)
            {
                executed.Result = result;
                executed.ExceptionHandled = true;
            }
        }
        catch (RpcException ex) when (Refused(ex) is { } result)
        {
            context.Result = result;
        }
    }

    private IActionResult? Refused(RpcException ex)
    {
        switch (ex.StatusCode)
        {
            case Grpc.Core.StatusCode.PermissionDenied:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Message("You cannot open this", ex.Status.Detail);
            case Grpc.Core.StatusCode.NotFound:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Message("Not found", ex.Status.Detail);
            case Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded:
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Message("Sorry, the service is unavailable", "Try again in a few minutes.");
            default:
                return null;
        }
    }

    /// <summary>The page is not for this officer now: a 403 with the reason.</summary>
    protected IActionResult Refuse(string title, string detail)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Message(title, detail);
    }

    private ViewResult Message(string title, string detail)
    {
        var view = new ViewResult { ViewName = "/Pages/Staff/_StaffMessage.cshtml", ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(ViewData) };
        view.ViewData["Title"] = title;
        view.ViewData["Detail"] = detail;
        return view;
    }
}
