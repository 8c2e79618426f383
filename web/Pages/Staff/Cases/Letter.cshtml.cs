using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Cases;

/// <summary>One letter or email sent about a case, as it was rendered (a letter for printing, or the email).</summary>
public sealed class LetterModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Intake.IntakeClient intake) : StaffPage(tokens, directory)
{
    public async Task<IActionResult> OnGetAsync(string caseId, string correspondenceId)
    {
        var document = await intake.GetCorrespondenceDocumentAsync(new GetCorrespondenceDocumentRequest { CorrespondenceId = correspondenceId }, Call);
        var type = document.MediaType.Length > 0 ? document.MediaType : "application/octet-stream";
        // The document's own styles (A4 print layout, large print) apply; nothing in it can run.
        HttpContext.ServeAsStandaloneDocument();
        return File(document.Content.ToByteArray(), type);
    }
}
