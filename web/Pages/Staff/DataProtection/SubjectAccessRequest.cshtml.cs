using System.Globalization;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>One subject access request: build the package, download it (zip, readable document, JSON), and record that it was sent.</summary>
public sealed class SubjectAccessRequestModel(StaffTokens tokens, StaffDirectory directory, SubjectAccess.SubjectAccessClient subjectAccess, TimeProvider clock) : PageModel
{
    /// <summary>Names for the officer ids the records carry.</summary>
    public StaffDirectory Directory => directory;

    public SubjectAccessRequest? Sar { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid RequestId { get; set; }

    [BindProperty]
    public string? SentOn { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnGetPackageAsync(string format)
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        var wanted = format switch
        {
            "zip" => PackageFormat.Zip,
            "html" => PackageFormat.Html,
            "json" => PackageFormat.Json,
            _ => PackageFormat.Unspecified,
        };
        if (wanted == PackageFormat.Unspecified)
        {
            return NotFound();
        }
        var file = await subjectAccess.GetPackageAsync(new GetPackageRequest { RequestId = RequestId.ToString(), Format = wanted },
            await tokens.CallOptionsAsync(HttpContext.RequestAborted));
        return File(file.Content.ToByteArray(), file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostBuildAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        try
        {
            await subjectAccess.BuildPackageAsync(new BuildPackageRequest { RequestId = RequestId.ToString() },
                await tokens.CallOptionsAsync(HttpContext.RequestAborted));
            return Redirect(Links.Staff.DataProtection.SubjectAccessRequest(RequestId.ToString()));
        }
        catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "build"))
        {
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostSentAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        var sent = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(SentOn) && !DateOnly.TryParseExact(SentOn.Trim(), ["d M yyyy", "d/M/yyyy", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out sent))
        {
            ModelState.AddModelError(nameof(SentOn), "Enter the date sent as day, month and year, for example 27 3 2026");
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await subjectAccess.MarkSentAsync(new MarkSentRequest
                {
                    RequestId = RequestId.ToString(), SentOn = new Google.Type.Date { Year = sent.Year, Month = sent.Month, Day = sent.Day },
                }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.SubjectAccessRequest(RequestId.ToString()));
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, nameof(SentOn), new FieldInput("sent_on", nameof(SentOn), "Date sent")))
            {
            }
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
            await directory.TryLoadAsync(call);
            Sar = await subjectAccess.GetRequestAsync(new GetSubjectAccessRequest { RequestId = RequestId.ToString() }, call);
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return NotFound();
        }
        return Page();
    }
}
