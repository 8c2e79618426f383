using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>
/// A page of the contact journey: loads the journey's answers from the server-side store (an unknown
/// or expired journey is 404), sends a submitted one to its confirmation, and checks a page's answers
/// with Intake's own rules before moving on.
/// </summary>
public abstract class ContactPage(JourneyStore store, PublicIntake.PublicIntakeClient intake) : PageModel
{
    private static readonly string[] s_order =
    [
        Links.Contact.Kind, Links.Contact.Service, Links.Contact.Details, Links.Contact.Attachments, Links.Contact.Representative,
        Links.Contact.RepresentativeDetails, Links.Contact.YourDetails, Links.Contact.Adjustments, Links.Contact.Equality, Links.Contact.CheckAnswers,
    ];

    [FromRoute(Name = "journey")]
    public Guid JourneyId { get; set; }

    /// <summary>"check" when the person came from check your answers to change something.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    public ContactJourney Journey { get; private set; } = null!;

    protected abstract string Step { get; }

    protected JourneyStore Store => store;

    protected PublicIntake.PublicIntakeClient Intake => intake;

    public IReadOnlyList<string> FieldOrder => ContactFields.Order(Step);

    public string BackHref => From == "check" ? Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers) : Previous();

    public string Noun => Journey.ContactKind switch
    {
        nameof(ContactKind.Compliment) => "compliment",
        nameof(ContactKind.Comment) => "comment",
        _ => "complaint",
    };

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var journey = await store.GetAsync<ContactJourney>(ContactJourney.Kind, JourneyId, HttpContext.RequestAborted);
        if (journey is null)
        {
            context.Result = NotFound();
            return;
        }
        Journey = journey;
        if (journey.Reference is not null && Step != Links.Contact.Confirmation)
        {
            // Back button or a second click after sending: the one confirmation, never a second contact.
            context.Result = Redirect(Links.Contact.Page(JourneyId, Links.Contact.Confirmation));
            return;
        }
        await next();
    }

    protected Task SaveAsync() => store.SaveAsync(ContactJourney.Kind, Journey, HttpContext.RequestAborted);

    protected IActionResult Continue(string step) =>
        Redirect(From == "check" && step != Links.Contact.RepresentativeDetails
            ? Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers)
            : Links.Contact.Page(JourneyId, step) + (From == "check" ? "?from=check" : ""));

    /// <summary>Intake's rules applied to the answers so far; only this page's fields are shown as errors.</summary>
    protected async Task<bool> IntakeAcceptsAsync(ContactJourney answers, IReadOnlyList<(UploadedFile, byte[])>? files = null)
    {
        try
        {
            await intake.ValidateSubmissionAsync(answers.ToRequest(files ?? []), cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            ServiceErrors.AddTo(ModelState, ServiceErrors.Violations(ex), ContactFields.On(Step));
        }
        ViewData["HasErrors"] = !ModelState.IsValid;
        return ModelState.IsValid;
    }

    private string Previous()
    {
        var i = Array.IndexOf(s_order, Step);
        if (i <= 0)
        {
            return Links.Home;
        }
        var previous = s_order[i - 1];
        if (previous == Links.Contact.RepresentativeDetails && Journey.ForSomeoneElse != true)
        {
            previous = Links.Contact.Representative;
        }
        return Links.Contact.Page(JourneyId, previous);
    }
}
