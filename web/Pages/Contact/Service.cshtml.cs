using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class ServiceModel(JourneyStore store, PublicIntake.PublicIntakeClient intake, CouncilForm form) : ContactPage(store, intake)
{
    protected override string Step => Links.Contact.Service;

    [BindProperty]
    public string? ServiceAreaId { get; set; }

    public IReadOnlyList<ChoiceGroup> Services { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ServiceAreaId = Journey.ServiceAreaId;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Journey.ServiceAreaId = ServiceAreaId;
        if (!await IntakeAcceptsAsync(Journey))
        {
            await LoadAsync();
            return Page();
        }
        await SaveAsync();
        return Continue(Links.Contact.Details);
    }

    private async Task LoadAsync() =>
        Services = (await form.GetAsync(HttpContext.RequestAborted)).Directorates
            .Select(d => new ChoiceGroup(d.Name, d.ServiceAreas.Select(a => new Choice(a.Id, a.Name)).ToList())).ToList();
}
