using ComplaintsPlatform.Web.Infrastructure;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>
/// Which page asks for each field of Intake's SubmitRequest, under which input and label: how a field
/// violation finds its way to the right page and input. Most specific paths first.
/// </summary>
public static class ContactFields
{
    public static readonly IReadOnlyList<(string Step, FieldInput Input)> All =
    [
        (Links.Contact.Kind, new("kind", "ContactKind", "What you want to tell us")),
        (Links.Contact.Service, new("service_area_id", "ServiceAreaId", "Service")),
        (Links.Contact.Details, new("description", "Description", "What happened")),
        (Links.Contact.Details, new("happened_on", "HappenedOn", "The date")),
        (Links.Contact.Details, new("outcome_sought", "OutcomeSought", "What would put it right")),
        (Links.Contact.Attachments, new("attachments", "Upload", "The file")),
        (Links.Contact.RepresentativeDetails, new("representative.name", "RepName", "Your name")),
        (Links.Contact.RepresentativeDetails, new("representative.relationship", "RepRelationship", "Your relationship to them")),
        (Links.Contact.RepresentativeDetails, new("representative.contact.email", "RepEmail", "Your email address")),
        (Links.Contact.RepresentativeDetails, new("representative.contact.phone", "RepPhone", "Your phone number")),
        (Links.Contact.RepresentativeDetails, new("representative.consent_recorded", "Consent", "Consent")),
        (Links.Contact.RepresentativeDetails, new("representative.consent_scope", "ConsentScope", "What they agreed to")),
        (Links.Contact.RepresentativeDetails, new("representative", "RepName", "Your details")),
        (Links.Contact.YourDetails, new("name", "Name", "Full name")),
        (Links.Contact.YourDetails, new("contact.email", "Email", "Email address")),
        (Links.Contact.YourDetails, new("contact.phone", "Phone", "Phone number")),
        (Links.Contact.YourDetails, new("contact.address.postcode", "Postcode", "Postcode")),
        (Links.Contact.YourDetails, new("contact.address.town", "Town", "Town or city")),
        (Links.Contact.YourDetails, new("contact.address", "AddressLine1", "Address")),
        (Links.Contact.YourDetails, new("contact", "Email", "Contact details")),
        (Links.Contact.YourDetails, new("preferred_contact_method", "PreferredContactMethod", "How we should contact you")),
        (Links.Contact.Adjustments, new("adjustments_notes", "AdjustmentsNotes", "Details")),
        (Links.Contact.Adjustments, new("adjustments", "Adjustments", "Adjustments")),
        (Links.Contact.Equality, new("equality_monitoring", "AgeBand", "Equality monitoring")),
    ];

    public static IReadOnlyList<FieldInput> On(string step) => All.Where(f => f.Step == step).Select(f => f.Input).ToList();

    public static IReadOnlyList<string> Order(string step) => On(step).Select(i => i.ModelKey).Distinct().ToList();
}
