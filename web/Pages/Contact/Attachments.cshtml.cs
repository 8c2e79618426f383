using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>Files one at a time, each checked by Intake's own limits (number, size, type) as it arrives.</summary>
public sealed class AttachmentsModel(JourneyStore store, PublicIntake.PublicIntakeClient intake, CouncilForm form) : ContactPage(store, intake)
{
    protected override string Step => Links.Contact.Attachments;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string Limits { get; private set; } = "";

    public string Accept { get; private set; } = "";

    public string NextHref => From == "check"
        ? Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers)
        : Links.Contact.Page(JourneyId, Links.Contact.Representative);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Upload is null || Upload.Length == 0 && string.IsNullOrEmpty(Upload.FileName))
        {
            ModelState.AddModelError(nameof(Upload), "Select a file to upload");
            ViewData["HasErrors"] = true;
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        var file = new UploadedFile(Guid.NewGuid(), Path.GetFileName(Upload.FileName), string.IsNullOrEmpty(Upload.ContentType) ? "application/octet-stream" : Upload.ContentType, buffer.Length);
        var files = new List<(UploadedFile, byte[])>();
        foreach (var known in Journey.Files)
        {
            files.Add((known, await Store.GetFileAsync(ContactJourney.Kind, JourneyId, known.Id, HttpContext.RequestAborted) ?? []));
        }
        files.Add((file, buffer.ToArray()));
        // Intake receives a submission as one message no larger than the gateway lets through, so a file
        // over the limits Intake publishes cannot even be sent to it for checking.
        var limits = await form.GetAsync(HttpContext.RequestAborted);
        var tooLarge = file.Size > limits.MaxAttachmentBytes
            ? $"The selected file must be smaller than {Size(limits.MaxAttachmentBytes)}"
            : limits.MaxAttachmentsTotalBytes > 0 && files.Sum(f => f.Item1.Size) > limits.MaxAttachmentsTotalBytes
                ? $"Your files must be smaller than {Size(limits.MaxAttachmentsTotalBytes)} in total: remove a file or send a smaller one"
                : null;
        if (tooLarge is not null)
        {
            ModelState.AddModelError(nameof(Upload), tooLarge);
            ViewData["HasErrors"] = true;
            return Page();
        }
        if (!await IntakeAcceptsAsync(Journey, files))
        {
            return Page();
        }
        await Store.SaveFileAsync(ContactJourney.Kind, Journey, file.Id, buffer.ToArray(), HttpContext.RequestAborted);
        Journey.Files.Add(file);
        await SaveAsync();
        return Redirect(Links.Contact.Page(JourneyId, Step) + (From == "check" ? "?from=check" : ""));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid fileId)
    {
        Journey.Files.RemoveAll(f => f.Id == fileId);
        await Store.RemoveFileAsync(ContactJourney.Kind, JourneyId, fileId, HttpContext.RequestAborted);
        await SaveAsync();
        return Redirect(Links.Contact.Page(JourneyId, Step) + (From == "check" ? "?from=check" : ""));
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    private async Task LoadAsync()
    {
        var limits = await form.GetAsync(HttpContext.RequestAborted);
        var types = string.Join(", ", limits.AllowedAttachmentExtensions.Select(e => e.TrimStart('.').ToUpperInvariant()));
        Limits = $"You can add up to {limits.MaxAttachments} files. Each file must be no larger than {Size(limits.MaxAttachmentBytes)}" +
                 (limits.MaxAttachmentsTotalBytes > 0 ? $", and all of them together no larger than {Size(limits.MaxAttachmentsTotalBytes)}" : "") +
                 (types.Length > 0 ? $". Send documents, pictures or text: {types}." : ".");
        Accept = string.Join(",", limits.AllowedAttachmentExtensions);
    }
}
