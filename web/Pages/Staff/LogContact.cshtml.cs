using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff;

/// <summary>
/// An officer logs a contact that reached them by phone, letter, email or in person, with the date and
/// time it really arrived (Intake decides what is allowed). One request id per form, so a double submit logs one contact.
/// </summary>
public sealed class LogContactModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Intake.IntakeClient intake) : StaffPage(tokens, directory)
{
    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public DateParts ReceivedOn { get; set; } = new();
    [BindProperty] public string? ReceivedTime { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? AddressLine { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Preferred { get; set; }
    [BindProperty] public string? ServiceAreaId { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateParts HappenedOn { get; set; } = new();
    [BindProperty] public string? OutcomeSought { get; set; }

    public static readonly IReadOnlyList<FieldInput> Inputs =
    [
        new("kind", nameof(Kind), "What it is"), new("channel", nameof(Channel), "How it arrived"), new("received_at", nameof(ReceivedOn), "When it arrived"),
        new("name", nameof(Name), "Name"), new("contact.email", nameof(Email), "Email address"), new("contact.phone", nameof(Phone), "Phone number"),
        new("contact.address", nameof(AddressLine), "Address"), new("contact", nameof(Email), "Contact details"),
        new("preferred_contact_method", nameof(Preferred), "How they want to be contacted"), new("service_area_id", nameof(ServiceAreaId), "Service"),
        new("description", nameof(Description), "What happened"), new("happened_on", nameof(HappenedOn), "When it happened"),
        new("outcome_sought", nameof(OutcomeSought), "What would put it right"),
    ];

    public static IReadOnlyList<string> FieldOrder => Inputs.Select(i => i.ModelKey).Distinct().ToList();

    public void OnGet() => RequestId = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (RequestId == Guid.Empty)
        {
            return BadRequest();
        }
        var request = new SubmitRequest
        {
            ClientRequestId = RequestId.ToString(),
            Kind = Enum.TryParse<ContactKind>(Kind, out var kind) ? kind : ContactKind.Unspecified,
            Channel = Enum.TryParse<Intake.V1.Channel>(Channel, out var channel) ? channel : Intake.V1.Channel.Unspecified,
            Name = Name?.Trim() ?? "",
            Contact = new ContactDetails
            {
                Email = Email?.Trim() ?? "", Phone = Phone?.Trim() ?? "",
                Address = string.IsNullOrWhiteSpace(AddressLine) && string.IsNullOrWhiteSpace(Postcode) ? null
                    : new PostalAddress { Lines = { AddressLine?.Trim() ?? "" }, Town = Town?.Trim() ?? "", Postcode = Postcode?.Trim() ?? "" },
            },
            PreferredContactMethod = Enum.TryParse<ContactMethod>(Preferred, out var method) ? method : ContactMethod.Unspecified,
            ServiceAreaId = ServiceAreaId ?? "",
            Description = Description?.Trim() ?? "",
            OutcomeSought = OutcomeSought?.Trim() ?? "",
        };
        if (!HappenedOn.IsEmpty && HappenedOn.TryNumbers(out var hy, out var hm, out var hd))
        {
            request.HappenedOn = new Google.Type.Date { Year = hy, Month = hm, Day = hd };
        }
        if (ArrivedAt() is { } arrived)
        {
            request.ReceivedAt = Timestamp.FromDateTimeOffset(arrived);
        }
        if (ModelState.IsValid)
        {
            try
            {
                var reply = await intake.SubmitAsync(request, Call);
                return Redirect($"{Links.Staff.Contact(reply.ContactId)}?logged=true");
            }
            catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
            {
                var violations = ServiceErrors.Violations(ex);
                if (!ServiceErrors.AddTo(ModelState, violations, Inputs))
                {
                    ModelState.AddModelError("", ex.Status.Detail);
                }
            }
            catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
            {
                ModelState.AddModelError("", ex.Status.Detail);
            }
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    /// <summary>The day and time typed, in the council's time zone; null when not given (Intake then says it is required).</summary>
    private DateTimeOffset? ArrivedAt()
    {
        if (ReceivedOn.IsEmpty)
        {
            return null;
        }
        var time = string.IsNullOrWhiteSpace(ReceivedTime) ? "09:00" : ReceivedTime.Trim();
        if (!ReceivedOn.TryNumbers(out var y, out var m, out var d) || !DateOnly.TryParseExact($"{y:D4}-{m:D2}-{d:D2}", "yyyy-MM-dd", out var day))
        {
            ModelState.AddModelError(nameof(ReceivedOn), "When it arrived must be a real date, like 27 3 2026");
            return null;
        }
        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm", "H.mm", "HH.mm"], out var at))
        {
            ModelState.AddModelError(nameof(ReceivedTime), "The time it arrived must be a time on the 24-hour clock, like 14:30");
            return null;
        }
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, Directory.Zone.GetUtcOffset(local));
    }

    public static readonly IReadOnlyList<Choice> Kinds =
    [
        new(nameof(ContactKind.Complaint), "Complaint"), new(nameof(ContactKind.Compliment), "Compliment"), new(nameof(ContactKind.Comment), "Comment"),
        new(nameof(ContactKind.Enquiry), "Enquiry"), new(nameof(ContactKind.ServiceRequest), "Service request"),
        new(nameof(ContactKind.MemberEnquiry), "Councillor or MP enquiry"),
    ];

    public static readonly IReadOnlyList<Choice> Channels =
    [
        new(nameof(Intake.V1.Channel.Phone), "Phone"), new(nameof(Intake.V1.Channel.Letter), "Letter"), new(nameof(Intake.V1.Channel.Email), "Email"),
        new(nameof(Intake.V1.Channel.InPerson), "In person"),
    ];

    public static readonly IReadOnlyList<Choice> Methods =
        [new(nameof(ContactMethod.Email), "Email"), new(nameof(ContactMethod.Letter), "Letter"), new(nameof(ContactMethod.Phone), "Phone")];
}
