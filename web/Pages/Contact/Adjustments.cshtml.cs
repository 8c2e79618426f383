using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

public sealed class AdjustmentsModel(JourneyStore store, PublicIntake.PublicIntakeClient intake) : ContactPage(store, intake)
{
    public static readonly IReadOnlyList<Choice> Choices =
    [
        new(nameof(Adjustment.LargePrint), "Large print"),
        new(nameof(Adjustment.EasyRead), "Easy read"),
        new(nameof(Adjustment.Braille), "Braille"),
        new(nameof(Adjustment.Interpreter), "An interpreter"),
        new(nameof(Adjustment.PhoneCallFirst), "A phone call before we write"),
        new(nameof(Adjustment.ViaRepresentative), "Contact only the person acting for me"),
        new(nameof(Adjustment.Other), "Something else"),
    ];

    protected override string Step => Links.Contact.Adjustments;

    [BindProperty] public List<string> Adjustments { get; set; } = [];
    [BindProperty] public string? AdjustmentsNotes { get; set; }

    public void OnGet() => (Adjustments, AdjustmentsNotes) = (Journey.Adjustments, Journey.AdjustmentsNotes);

    public async Task<IActionResult> OnPostAsync()
    {
        (Journey.Adjustments, Journey.AdjustmentsNotes) = (Adjustments, AdjustmentsNotes);
        if (!await IntakeAcceptsAsync(Journey))
        {
            return Page();
        }
        await SaveAsync();
        return Continue(Links.Contact.Equality);
    }
}
