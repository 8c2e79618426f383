using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages;

/// <summary>Every failure ends here, in words: never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    public string Explanation { get; private set; } = "Try again later. Anything you had already sent us has been kept.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (failure is not null)
        {
            logger.LogError("Unhandled {ExceptionType} at {Path}", failure.GetType().Name, HttpContext.Features.Get<IExceptionHandlerFeature>()?.Path);
        }
        if (failure is RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.ResourceExhausted })
        {
            Title = "Sorry, the service is unavailable";
            Explanation = "Please try again in a few minutes.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        switch (code ?? Response.StatusCode)
        {
            case 400:
                Title = "Sorry, we could not accept that";
                Explanation = "The form may have expired or been changed. Go back, reload the page and try again.";
                break;
            case 403:
                Title = "You do not have access to this page";
                Explanation = "If you think you should, ask the complaints team.";
                break;
            case 404:
                Title = "Page not found";
                Explanation = "If you typed the web address, check it is correct.";
                break;
            case 413:
                Title = "That file is too large";
                Explanation = "Go back and choose a smaller file.";
                break;
        }
    }
}
