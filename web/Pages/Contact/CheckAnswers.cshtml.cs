using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>
/// Everything the person said, each with a link to change it, then one button that sends it. Sending
/// repeats the journey's client request id, so a double click or a retry gets the same reference.
/// </summary>
public sealed class CheckAnswersModel(JourneyStore store, PublicIntake.PublicIntakeClient publicIntake,
    Intake.V1.Intake.IntakeClient intake, CouncilForm form, ILogger<CheckAnswersModel> logger) : ContactPage(store, publicIntake)
{
    protected override string Step => Links.Contact.CheckAnswers;

    public IReadOnlyList<SummaryRow> AboutRows { get; private set; } = [];
    public IReadOnlyList<SummaryRow> ActingRows { get; private set; } = [];
    public IReadOnlyList<SummaryRow> PersonRows { get; private set; } = [];
    public IReadOnlyList<SummaryRow> EqualityRows { get; private set; } = [];

    public IReadOnlyList<string> ErrorOrder => ContactFields.All.Select(f => f.Input.ServiceField).ToList();

    public IReadOnlyDictionary<string, string> ErrorHrefs =>
        ContactFields.All.GroupBy(f => f.Input.ServiceField).ToDictionary(g => g.Key, g => Change(g.First().Step) + "#" + FieldIds.For(g.First().Input.ModelKey));

    public async Task OnGetAsync() => await BuildAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var files = new List<(UploadedFile, byte[])>();
        foreach (var file in Journey.Files)
        {
            files.Add((file, await Store.GetFileAsync(ContactJourney.Kind, JourneyId, file.Id, HttpContext.RequestAborted) ?? []));
        }
        try
        {
            var reply = await intake.SubmitAsync(Journey.ToRequest(files), cancellationToken: HttpContext.RequestAborted);
            (Journey.Reference, Journey.StatusToken) = (reply.Reference, reply.StatusToken);
            await SaveAsync();
            return Redirect(Links.Contact.Page(JourneyId, Links.Contact.Confirmation));
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            // Each problem is listed with a link to the page that asks for it; keyed by the service's field.
            var inputs = ContactFields.All.Select(f => f.Input with { ModelKey = f.Input.ServiceField }).ToList();
            ServiceErrors.AddTo(ModelState, ServiceErrors.Violations(ex), inputs);
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", ex.Status.Detail);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.AlreadyExists)
        {
            logger.LogWarning("Submission {Journey} changed after an earlier attempt had been received", JourneyId);
            ModelState.AddModelError("", "We already received this from you, with different answers. Contact the complaints team if you need to change it.");
        }
        ViewData["HasErrors"] = true;
        await BuildAsync();
        return Page();
    }

    private string Change(string step) => Links.Contact.Page(JourneyId, step) + "?from=check";

    private async Task BuildAsync()
    {
        var j = Journey;
        var service = string.IsNullOrEmpty(j.ServiceAreaId) ? "Not sure" : await form.ServiceNameAsync(j.ServiceAreaId, HttpContext.RequestAborted);
        var about = new List<SummaryRow>
        {
            new("What you want to tell us", j.ContactKind switch { nameof(ContactKind.Complaint) => "A complaint", nameof(ContactKind.Compliment) => "A compliment", nameof(ContactKind.Comment) => "A comment or suggestion", _ => null }, Change(Links.Contact.Kind)),
            new("Service", service, Change(Links.Contact.Service)),
            new("What happened", j.Description, Change(Links.Contact.Details), "what happened"),
            new("When it happened", j.HappenedOn.IsEmpty ? null
                : j.HappenedOn.TryNumbers(out var y, out var m, out var d) && DateOnly.TryParseExact($"{y:D4}-{m:D2}-{d:D2}", "yyyy-MM-dd", out var on)
                    ? on.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
                    : $"{j.HappenedOn.Day} {j.HappenedOn.Month} {j.HappenedOn.Year}", Change(Links.Contact.Details), "when it happened"),
        };
        if (j.IsComplaint)
        {
            about.Add(new("What would put it right", j.OutcomeSought, Change(Links.Contact.Details), "what would put it right"));
        }
        about.Add(new("Files", j.Files.Select(f => f.FileName).ToList(), Change(Links.Contact.Attachments), "files"));
        AboutRows = about;
        ActingRows = j.ForSomeoneElse == true
            ? [
                new("Your name", j.RepName, Change(Links.Contact.RepresentativeDetails), "your name"),
                new("Relationship", j.RepRelationship, Change(Links.Contact.RepresentativeDetails), "relationship"),
                new("Your contact details", new[] { j.RepEmail, j.RepPhone }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList(), Change(Links.Contact.RepresentativeDetails), "your contact details"),
                new("Their agreement", j.Consent ? (j.ConsentScope == nameof(ConsentScope.Full) ? "Agreed to me acting for them in everything" : "Agreed to me sending it and being told how it is going") : "Not given", Change(Links.Contact.RepresentativeDetails), "their agreement"),
            ]
            : [new("Acting for someone else", "No", Change(Links.Contact.Representative), "whether you are acting for someone else")];
        PersonRows =
        [
            new("Name", j.Name, Change(Links.Contact.YourDetails), "name"),
            new("Email address", j.Email, Change(Links.Contact.YourDetails), "email address"),
            new("Phone number", j.Phone, Change(Links.Contact.YourDetails), "phone number"),
            new("Postal address", new[] { j.AddressLine1, j.AddressLine2, j.Town, j.Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList(), Change(Links.Contact.YourDetails), "postal address"),
            new("How to contact", j.PreferredContactMethod is null ? null : "By " + j.PreferredContactMethod.ToLowerInvariant(), Change(Links.Contact.YourDetails), "how to contact"),
            new("Reasonable adjustments", j.Adjustments.Select(a => AdjustmentsModel.Choices.FirstOrDefault(c => c.Value == a)?.Text ?? a)
                .Concat(string.IsNullOrWhiteSpace(j.AdjustmentsNotes) ? [] : [j.AdjustmentsNotes!]).ToList(), Change(Links.Contact.Adjustments), "reasonable adjustments"),
        ];
        EqualityRows = [new("Your answers", j.Equality.Count == 0 ? "None given" : $"{j.Equality.Count} of {EqualityModel.Questions.Count} answered", Change(Links.Contact.Equality), "equality monitoring answers")];
    }
}
