using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>The complaints team finds contacts by reference, name, email, phone or postcode (Intake audits every search).</summary>
public sealed class SearchModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Intake.IntakeClient intake) : StaffPage(tokens, directory)
{
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phone { get; set; }
    [BindProperty(SupportsGet = true)] public string? Postcode { get; set; }

    public SearchContactsReply? Results { get; private set; }

    public static readonly IReadOnlyList<FieldInput> Inputs =
    [
        new("reference", nameof(Reference), "Reference"), new("name", nameof(Name), "Name"), new("email", nameof(Email), "Email address"),
        new("phone", nameof(Phone), "Phone number"), new("postcode", nameof(Postcode), "Postcode"),
    ];

    public async Task OnGetAsync()
    {
        if (new[] { Reference, Name, Email, Phone, Postcode }.All(string.IsNullOrWhiteSpace))
        {
            return; // the empty form
        }
        try
        {
            Results = await intake.SearchContactsAsync(new SearchContactsRequest
            {
                Reference = Reference ?? "", Name = Name ?? "", Email = Email ?? "", Phone = Phone ?? "", Postcode = Postcode ?? "",
            }, Call);
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            ServiceErrors.AddTo(ModelState, ServiceErrors.Violations(ex), Inputs);
            ViewData["HasErrors"] = true;
        }
    }
}
