using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Status;

/// <summary>
/// A page about the person's own contact: needs the status cookie (else back to the status page,
/// which explains), and turns Intake's answers into the page's errors.
/// </summary>
public abstract class StatusPage(StatusSession session) : PageModel
{
    /// <summary>Made when the form is shown; the same id on a resend, so the request is made once.</summary>
    [BindProperty]
    public Guid RequestId { get; set; }

    protected string Reference { get; private set; } = "";

    protected string Token { get; private set; } = "";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (session.Read(HttpContext) is not { } held)
        {
            context.Result = Redirect(Links.Status.Index);
            return;
        }
        (Reference, Token) = held;
        if (HttpMethods.IsGet(Request.Method))
        {
            RequestId = Guid.NewGuid();
        }
        await next();
    }

    /// <summary>Runs a request; refusals become errors on the given input. Null when it went through.</summary>
    protected async Task<IActionResult?> TryAsync(Func<Task> call, string modelKey, string label, string serviceField)
    {
        if (RequestId == Guid.Empty)
        {
            return BadRequest();
        }
        try
        {
            await call();
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            StatusSession.End(HttpContext);
            return Redirect(Links.Status.Index);
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            ServiceErrors.AddTo(ModelState, ServiceErrors.Violations(ex), [new FieldInput(serviceField, modelKey, label), new FieldInput("attachments", "Upload", "The file")]);
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            // The rule's own words (CaseWorkflow or Intake), e.g. that the response has not been sent yet.
            ModelState.AddModelError(modelKey, ex.Status.Detail);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    protected IActionResult Done(string what) => Redirect($"{Links.Status.Done}?what={what}");
}
