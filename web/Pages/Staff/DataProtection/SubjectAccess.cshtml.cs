using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>
/// Subject access requests: the list with their deadlines, and the start of a new one — find the person.
/// The search words are kept server-side under an id (never in the address), and the search runs on the
/// results page.
/// </summary>
public sealed class SubjectAccessModel(StaffTokens tokens, StaffDirectory directory, SubjectAccess.SubjectAccessClient subjectAccess, JourneyStore journeys) : PageModel
{
    /// <summary>Names for the officer ids the records carry.</summary>
    public StaffDirectory Directory => directory;

    public const string JourneyKind = "subject-access-search";

    public List<SubjectAccessRequest>? Requests { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        var search = new PersonSearch(Guid.NewGuid(), DateTimeOffset.UtcNow, Name?.Trim() ?? "", Email?.Trim() ?? "", Phone?.Trim() ?? "",
            Postcode?.Trim() ?? "", Reference?.Trim() ?? "");
        if (search.IsEmpty)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name, email address, phone number, postcode or reference");
            await LoadAsync();
            return Page();
        }
        await journeys.SaveAsync(JourneyKind, search, HttpContext.RequestAborted);
        return Redirect(Links.Staff.DataProtection.SubjectAccessSearch(search.Id));
    }

    private async Task LoadAsync()
    {
        try
        {
            var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
            await directory.TryLoadAsync(call);
            Requests = [.. (await subjectAccess.ListRequestsAsync(new ListSubjectAccessRequests(), call)).Requests];
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Internal)
        {
            Requests = null;
        }
    }
}

/// <summary>What the officer searched for, kept server-side (encrypted, for a day) so it never appears in an address.</summary>
public sealed record PersonSearch(Guid Id, DateTimeOffset StartedAt, string Name, string Email, string Phone, string Postcode, string Reference) : IJourney
{
    public bool IsEmpty => Name.Length + Email.Length + Phone.Length + Postcode.Length + Reference.Length == 0;
}
