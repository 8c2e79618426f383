using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Google.Protobuf;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>
/// The answers of one "make a complaint, compliment or comment" journey, as typed. The client request
/// id is made once, when the journey starts, so every retry of the submission is the same request.
/// </summary>
public sealed class ContactJourney : IJourney
{
    public const string Kind = "contact";

    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string ClientRequestId { get; set; } = "";

    public string? ContactKind { get; set; }
    public string? ServiceAreaId { get; set; }
    public string? Description { get; set; }
    public DateParts HappenedOn { get; set; } = new();
    public string? OutcomeSought { get; set; }
    public List<UploadedFile> Files { get; set; } = [];

    public bool? ForSomeoneElse { get; set; }
    public string? RepName { get; set; }
    public string? RepRelationship { get; set; }
    public string? RepEmail { get; set; }
    public string? RepPhone { get; set; }
    public bool Consent { get; set; }
    public string? ConsentScope { get; set; }

    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? PreferredContactMethod { get; set; }

    public List<string> Adjustments { get; set; } = [];
    public string? AdjustmentsNotes { get; set; }

    public Dictionary<string, string> Equality { get; set; } = [];

    // Set once Intake has answered: the journey is then only its confirmation.
    public string? Reference { get; set; }
    public string? StatusToken { get; set; }

    public bool IsComplaint => ContactKind == nameof(Intake.V1.ContactKind.Complaint);

    public static ContactJourney Start(DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), StartedAt = now, ClientRequestId = Guid.NewGuid().ToString() };

    /// <summary>The request Intake receives; built the same way every time from the same answers.</summary>
    public SubmitRequest ToRequest(IReadOnlyList<(UploadedFile File, byte[] Content)> files)
    {
        var r = new SubmitRequest
        {
            ClientRequestId = ClientRequestId,
            Kind = Enum.TryParse<Intake.V1.ContactKind>(ContactKind, out var kind) ? kind : Intake.V1.ContactKind.Unspecified,
            Channel = Channel.OnlineForm,
            Name = Trim(Name),
            Contact = new ContactDetails { Email = Trim(Email), Phone = Trim(Phone) },
            PreferredContactMethod = Enum.TryParse<ContactMethod>(PreferredContactMethod, out var method) ? method : ContactMethod.Unspecified,
            Description = Trim(Description),
            OutcomeSought = Trim(OutcomeSought),
            ServiceAreaId = Trim(ServiceAreaId),
            AdjustmentsNotes = Trim(AdjustmentsNotes),
        };
        if (!string.IsNullOrWhiteSpace(AddressLine1) || !string.IsNullOrWhiteSpace(Postcode) || !string.IsNullOrWhiteSpace(Town))
        {
            r.Contact.Address = new PostalAddress { Town = Trim(Town), Postcode = Trim(Postcode) };
            r.Contact.Address.Lines.AddRange(new[] { AddressLine1, AddressLine2 }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Trim));
        }
        if (!HappenedOn.IsEmpty)
        {
            // Whatever was typed goes to Intake, which says whether it is a real, past date.
            HappenedOn.TryNumbers(out var y, out var m, out var d);
            r.HappenedOn = new Google.Type.Date { Year = y, Month = m, Day = d };
        }
        if (ForSomeoneElse == true)
        {
            r.Representative = new Representative
            {
                Name = Trim(RepName),
                Relationship = Trim(RepRelationship),
                Contact = new ContactDetails { Email = Trim(RepEmail), Phone = Trim(RepPhone) },
                ConsentRecorded = Consent,
                ConsentScope = Enum.TryParse<Intake.V1.ConsentScope>(ConsentScope, out var scope) ? scope : Intake.V1.ConsentScope.Unspecified,
            };
        }
        r.Adjustments.AddRange(Adjustments.Select(a => Enum.TryParse<Adjustment>(a, out var x) ? x : Adjustment.Unspecified));
        if (Equality.Count > 0)
        {
            r.EqualityMonitoring = new EqualityMonitoring
            {
                AgeBand = Equality.GetValueOrDefault("AgeBand") ?? "",
                Sex = Equality.GetValueOrDefault("Sex") ?? "",
                Ethnicity = Equality.GetValueOrDefault("Ethnicity") ?? "",
                Disability = Equality.GetValueOrDefault("Disability") ?? "",
                Religion = Equality.GetValueOrDefault("Religion") ?? "",
                SexualOrientation = Equality.GetValueOrDefault("SexualOrientation") ?? "",
            };
        }
        r.Attachments.AddRange(files.Select(f => new AttachmentUpload
        {
            FileName = f.File.FileName,
            ContentType = f.File.ContentType,
            Content = ByteString.CopyFrom(f.Content),
        }));
        return r;
    }

    private static string Trim(string? s) => s?.Trim() ?? "";
}

public sealed record UploadedFile(Guid Id, string FileName, string ContentType, long Size);
