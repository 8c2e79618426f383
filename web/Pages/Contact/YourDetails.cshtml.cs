using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>The details of the person the contact is from (or for, when someone acts for them).</summary>
public sealed class YourDetailsModel(JourneyStore store, PublicIntake.PublicIntakeClient intake) : ContactPage(store, intake)
{
    public static readonly IReadOnlyList<Choice> Methods =
    [
        new(nameof(ContactMethod.Email), "By email"),
        new(nameof(ContactMethod.Letter), "By letter"),
        new(nameof(ContactMethod.Phone), "By phone"),
    ];

    protected override string Step => Links.Contact.YourDetails;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? AddressLine1 { get; set; }
    [BindProperty] public string? AddressLine2 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? PreferredContactMethod { get; set; }

    public string Heading => Journey.ForSomeoneElse == true ? "The details of the person you are acting for" : "Your details";

    /// <summary>Autofill fills in the person's own details only, not someone else's.</summary>
    public string Auto(string token) => Journey.ForSomeoneElse == true ? "off" : token;

    public void OnGet()
    {
        (Name, Email, Phone, AddressLine1, AddressLine2) = (Journey.Name, Journey.Email, Journey.Phone, Journey.AddressLine1, Journey.AddressLine2);
        (Town, Postcode, PreferredContactMethod) = (Journey.Town, Journey.Postcode, Journey.PreferredContactMethod);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        (Journey.Name, Journey.Email, Journey.Phone, Journey.AddressLine1, Journey.AddressLine2) = (Name, Email, Phone, AddressLine1, AddressLine2);
        (Journey.Town, Journey.Postcode, Journey.PreferredContactMethod) = (Town, Postcode, PreferredContactMethod);
        if (!await IntakeAcceptsAsync(Journey))
        {
            return Page();
        }
        await SaveAsync();
        return Continue(Links.Contact.Adjustments);
    }
}
