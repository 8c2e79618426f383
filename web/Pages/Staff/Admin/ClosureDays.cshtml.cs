using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Admin;

/// <summary>
/// The council's closure days (not working days for any deadline). Each change is a configuration
/// version; CaseWorkflow recomputes open deadlines under the new calendar, whose version is shown.
/// </summary>
public sealed class ClosureDaysModel(StaffTokens tokens, StaffDirectory directory, CouncilDirectory.CouncilDirectoryClient council,
    Calendar.V1.Calendar.CalendarClient calendar, TimeProvider clock) : ConfigurationPage(tokens, directory, council)
{
    protected override bool UsesDirectory => false;

    [BindProperty] public DateParts ClosureDay { get; set; } = new();

    [BindProperty] public string? Reason { get; set; }

    public string CalendarVersion { get; private set; } = "";

    public IEnumerable<DateOnly> Days => Configuration.Council.ClosureDays.Select(d => new DateOnly(d.Year, d.Month, d.Day)).Order();

    public async Task OnGetAsync(bool saved = false)
    {
        Saved = saved;
        await LoadAllAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!ClosureDay.TryNumbers(out var year, out var month, out var day))
        {
            ModelState.AddModelError(nameof(ClosureDay), "Enter the closure day as numbers, for example 29 12 2026");
            ViewData["HasErrors"] = true;
        }
        else if (await SaveAsync(c => c.Council.ClosureDays.Add(new Google.Type.Date { Year = year, Month = month, Day = day }),
            string.IsNullOrWhiteSpace(Reason) ? $"Closure day added: {day}/{month}/{year}" : Reason.Trim(),
            new FieldInput("configuration.council.closure_days", nameof(ClosureDay), "Closure day"), new FieldInput("change_reason", nameof(Reason), "Why")))
        {
            return Redirect(Links.Staff.Admin.ClosureDays + "?saved=true");
        }
        await LoadAllAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string remove)
    {
        if (DateOnly.TryParse(remove, System.Globalization.CultureInfo.InvariantCulture, out var day) && await SaveAsync(c =>
            {
                var listed = c.Council.ClosureDays.FirstOrDefault(d => d.Year == day.Year && d.Month == day.Month && d.Day == day.Day);
                if (listed is not null)
                {
                    c.Council.ClosureDays.Remove(listed);
                }
            }, $"Closure day removed: {day:d MMMM yyyy}"))
        {
            return Redirect(Links.Staff.Admin.ClosureDays + "?saved=true");
        }
        await LoadAllAsync();
        return Page();
    }

    private async Task LoadAllAsync()
    {
        await LoadAsync();
        try
        {
            // The calendar deadlines are computed under now: asked of CaseWorkflow, never worked out here.
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var deadline = await calendar.ComputeDeadlineAsync(new Calendar.V1.ComputeDeadlineRequest
            {
                Stream = ComplaintStream.Corporate, StartDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day }, WorkingDays = 1,
            }, Call);
            CalendarVersion = deadline.CalendarVersion;
        }
        catch (RpcException)
        {
            CalendarVersion = "";
        }
    }
}
