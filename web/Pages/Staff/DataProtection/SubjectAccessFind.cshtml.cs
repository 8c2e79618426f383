using System.Globalization;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplaintsPlatform.Web.Pages.Staff.DataProtection;

/// <summary>The people who may be the one asking: the officer confirms who it is (one or more matches) and when the request arrived.</summary>
public sealed class SubjectAccessFindModel(StaffTokens tokens, StaffDirectory directory, SubjectAccess.SubjectAccessClient subjectAccess,
    JourneyStore journeys, TimeProvider clock) : PageModel
{
    /// <summary>For the council's time zone: today's date and the matches' last contacts are the council's.</summary>
    public StaffDirectory Directory => directory;

    public PersonSearch? Search { get; private set; }

    public List<PersonMatch> Matches { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "search")]
    public string? SearchId { get; set; }

    [BindProperty]
    public List<string> PersonIds { get; set; } = [];

    [BindProperty]
    public string? ReceivedOn { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostOpenAsync()
    {
        if (!DataProtectionText.Sees(User))
        {
            return Forbid();
        }
        await directory.TryLoadAsync(await tokens.CallOptionsAsync(HttpContext.RequestAborted));
        var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), directory.Zone).DateTime);
        if (!string.IsNullOrWhiteSpace(ReceivedOn) && !DateOnly.TryParseExact(ReceivedOn.Trim(), ["d M yyyy", "d/M/yyyy", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out received))
        {
            ModelState.AddModelError(nameof(ReceivedOn), "Enter the date received as day, month and year, for example 27 3 2026");
        }
        if (PersonIds.Count == 0)
        {
            ModelState.AddModelError(nameof(PersonIds), "Select the person the request is from");
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var opened = await subjectAccess.OpenRequestAsync(new OpenSubjectAccessRequest
                {
                    PersonIds = { PersonIds },
                    ReceivedOn = new Google.Type.Date { Year = received.Year, Month = received.Month, Day = received.Day },
                }, await tokens.CallOptionsAsync(HttpContext.RequestAborted));
                return Redirect(Links.Staff.DataProtection.SubjectAccessRequest(opened.RequestId));
            }
            catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "",
                new("person_ids", nameof(PersonIds), "Person"), new("received_on", nameof(ReceivedOn), "Date received")))
            {
            }
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (!Guid.TryParse(SearchId, out var id) || await journeys.GetAsync<PersonSearch>(SubjectAccessModel.JourneyKind, id, HttpContext.RequestAborted) is not { } search)
        {
            return Redirect(Links.Staff.DataProtection.SubjectAccess);
        }
        Search = search;
        try
        {
            var call = await tokens.CallOptionsAsync(HttpContext.RequestAborted);
            await directory.TryLoadAsync(call);
            Matches = [.. (await subjectAccess.FindPersonAsync(new FindPersonRequest
            {
                Name = search.Name, Email = search.Email, Phone = search.Phone, Postcode = search.Postcode, Reference = search.Reference,
            }, call)).Matches];
        }
        catch (RpcException e) when (DataProtectionText.Refused(e, ModelState, "search"))
        {
        }
        return Page();
    }
}
