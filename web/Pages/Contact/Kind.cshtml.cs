using ComplaintsPlatform.Intake.V1;
using KindOf = ComplaintsPlatform.Intake.V1.ContactKind;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class KindModel(JourneyStore store, PublicIntake.PublicIntakeClient intake, CouncilForm form) : ContactPage(store, intake)
{
    private static readonly Dictionary<KindOf, Choice> s_words = new()
    {
        [KindOf.Complaint] = new(nameof(KindOf.Complaint), "A complaint", "Something we did wrong, did badly or did not do"),
        [KindOf.Compliment] = new(nameof(KindOf.Compliment), "A compliment", "Something we did well, or someone who helped you"),
        [KindOf.Comment] = new(nameof(KindOf.Comment), "A comment or suggestion", "An idea to improve a service"),
    };

    protected override string Step => Links.Contact.Kind;

    [BindProperty]
    public string? ContactKind { get; set; }

    public IReadOnlyList<Choice> Kinds { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ContactKind = Journey.ContactKind;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Journey.ContactKind = ContactKind;
        if (!await IntakeAcceptsAsync(Journey))
        {
            await LoadAsync();
            return Page();
        }
        await SaveAsync();
        return Continue(Links.Contact.Service);
    }

    // The kinds Intake takes from the public, in its order.
    private async Task LoadAsync() =>
        Kinds = (await form.GetAsync(HttpContext.RequestAborted)).Kinds.Where(s_words.ContainsKey).Select(k => s_words[k]).ToList();
}
