using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using Google.Protobuf;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Status;

public sealed class AddInformationModel(StatusSession session, PublicIntake.PublicIntakeClient intake) : StatusPage(session)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new AddInformationRequest { Reference = Reference, StatusToken = Token, ClientRequestId = RequestId.ToString(), Text = Text?.Trim() ?? "" };
        if (Upload is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
            request.Attachments.Add(new AttachmentUpload
            {
                FileName = Path.GetFileName(Upload.FileName),
                ContentType = string.IsNullOrEmpty(Upload.ContentType) ? "application/octet-stream" : Upload.ContentType,
                Content = ByteString.CopyFrom(buffer.ToArray()),
            });
        }
        return await TryAsync(() => intake.AddInformationAsync(request, cancellationToken: HttpContext.RequestAborted).ResponseAsync,
            nameof(Text), "What you would like to add", "text") ?? Done("information");
    }
}
