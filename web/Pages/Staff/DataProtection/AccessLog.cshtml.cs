using System.Globalization;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>
/// Who read personal data, from every service's read audit: by person (their id), officer or period.
/// A filter form (GET): the address carries ids and dates only, never a name.
/// </summary>
public sealed class AccessLogModel(StaffTokens tokens, StaffDirectory directory, SubjectAccess.SubjectAccessClient subjectAccess) : PageModel
{
    /// <summary>For the council's time zone, in which the entries' instants are shown.</summary>
    public StaffDirectory Directory => directory;

    [BindProperty(SupportsGet = true)]
    public string? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? OfficerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public List<AccessEntry>? Entries { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(PersonId) && string.IsNullOrWhiteSpace(OfficerId) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            return Page();
        }
        var from = Day(From, nameof(From));
        var to = Day(To, nameof(To));
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        try
        {
            var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
            await directory.TryLoadAsync(call);
            Entries = [.. (await subjectAccess.QueryAccessLogAsync(new QueryAccessLogRequest
            {
                PersonId = PersonId?.Trim() ?? "", OfficerId = OfficerId?.Trim() ?? "", From = from, To = to,
            }, call)).Entries];
        }
        catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "",
            new("person_id", nameof(PersonId), "Person id"), new("officer_id", nameof(OfficerId), "Officer"), new("from", nameof(From), "From"), new("to", nameof(To), "To")))
        {
        }
        return Page();
    }

    private Google.Type.Date? Day(string? text, string property)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), ["d M yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            ModelState.AddModelError(property, $"Enter the {(property == nameof(From) ? "first" : "last")} day as day, month and year, for example 27 3 2026");
            return null;
        }
        return new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day };
    }
}
