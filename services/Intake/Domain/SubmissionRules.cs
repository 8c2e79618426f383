using System.Text.RegularExpressions;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// What a submission must satisfy before anything is written. Descriptions never echo the value:
/// they end up in logs and replies, and the values are personal data.
/// </summary>
public static partial class SubmissionRules
{
    private const int NameMax = 200;
    private const int ShortTextMax = 2_000;
    private const int OutcomeMax = 5_000;

    public static void Validate(SubmitRequest r, bool byStaff, DateTimeOffset now, DateOnly today, IntakeOptions limits,
        IReadOnlySet<string>? knownServiceAreas)
    {
        var v = new Validator();
        v.NotBlank(r.ClientRequestId, "client_request_id", 100);
        v.Require(Enum.IsDefined(r.Kind) && r.Kind != ContactKind.Unspecified, "kind", "must be one of the contact kinds");
        v.Require(Enum.IsDefined(r.Channel), "channel", "is not a known channel");
        if (byStaff)
        {
            v.Require(r.Channel != Channel.Unspecified, "channel", "staff must say how the contact arrived");
            if (r.ReceivedAt is not null)
            {
                var received = r.ReceivedAt.ToDateTimeOffset();
                v.Require(received <= now.AddMinutes(1), "received_at", "must not be in the future");
                v.Require(received.Year >= 2000, "received_at", "is not a plausible date");
            }
        }
        else
        {
            v.Require(r.Channel is Channel.Unspecified or Channel.OnlineForm, "channel", "public submissions come through the online form");
            v.Require(r.ReceivedAt is null, "received_at", "only staff may give the date a contact arrived");
        }

        v.NotBlank(r.Name, "name", NameMax);
        v.NotBlank(r.Description, "description", limits.MaxDescriptionChars);
        v.Require(r.OutcomeSought.Length <= OutcomeMax, "outcome_sought", $"must be at most {OutcomeMax} characters");
        v.Require(r.AdjustmentsNotes.Length <= ShortTextMax, "adjustments_notes", $"must be at most {ShortTextMax} characters");
        ValidatePastDate(v, r.HappenedOn, "happened_on", today, required: false);

        ValidateContact(v, r.Contact, "contact");
        var contact = r.Contact ?? new ContactDetails();
        v.Require(HasAnyRoute(contact), "contact", "give an email address, a phone number or a postal address");
        v.Require(Enum.IsDefined(r.PreferredContactMethod), "preferred_contact_method", "is not a known contact method");
        switch (r.PreferredContactMethod)
        {
            case ContactMethod.Email:
                v.Require(contact.Email.Length > 0, "contact.email", "is required when email is the preferred contact method");
                break;
            case ContactMethod.Letter:
                v.Require(HasPostalAddress(contact.Address), "contact.address", "is required when letter is the preferred contact method");
                break;
            case ContactMethod.Phone:
                v.Require(contact.Phone.Length > 0, "contact.phone", "is required when phone is the preferred contact method");
                break;
        }

        for (var i = 0; i < r.Adjustments.Count; i++)
        {
            v.Require(Enum.IsDefined(r.Adjustments[i]) && r.Adjustments[i] != Adjustment.Unspecified,
                $"adjustments[{i}]", "is not a known adjustment");
        }
        if (r.Representative is { } rep)
        {
            v.NotBlank(rep.Name, "representative.name", NameMax);
            v.Require(rep.Relationship.Length <= NameMax, "representative.relationship", $"must be at most {NameMax} characters");
            v.Require(rep.ConsentRecorded, "representative.consent_recorded", "a representative may act only with the person's recorded consent");
            v.Require(Enum.IsDefined(rep.ConsentScope) && rep.ConsentScope != ConsentScope.Unspecified,
                "representative.consent_scope", "must say what the person consented to");
            ValidatePastDate(v, rep.ConsentGivenOn, "representative.consent_given_on", today, required: false);
            ValidateContact(v, rep.Contact, "representative.contact");
        }
        else
        {
            v.Require(!r.Adjustments.Contains(Adjustment.ViaRepresentative), "adjustments",
                "contact through a representative needs the representative's details");
        }

        v.Require(r.ServiceAreaId.Length <= 100, "service_area_id", "must be at most 100 characters");
        if (r.ServiceAreaId.Length > 0 && knownServiceAreas is { Count: > 0 })
        {
            v.Require(knownServiceAreas.Contains(r.ServiceAreaId), "service_area_id", "is not a service area of the council");
        }

        ValidateAttachments(v, r.Attachments, limits);
        if (r.EqualityMonitoring is { } eq)
        {
            foreach (var (value, field) in new[] { (eq.AgeBand, "age_band"), (eq.Sex, "sex"), (eq.Ethnicity, "ethnicity"),
                         (eq.Disability, "disability"), (eq.Religion, "religion"), (eq.SexualOrientation, "sexual_orientation") })
            {
                v.Require(value.Length <= 100, $"equality_monitoring.{field}", "must be at most 100 characters");
            }
        }
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Files sent with a contact, or added to it later: how many, how large each and all together,
    /// and what kind, told by the content (<see cref="AttachmentTypes"/>), never by the name.
    /// </summary>
    public static void ValidateAttachments(Validator v, IReadOnlyList<AttachmentUpload> attachments, IntakeOptions limits)
    {
        v.Require(attachments.Count <= limits.MaxAttachments, "attachments", $"at most {limits.MaxAttachments} attachments");
        v.Require(attachments.Sum(a => (long)a.Content.Length) <= limits.MaxAttachmentsTotalBytes, "attachments",
            $"together must be at most {Megabytes(limits.MaxAttachmentsTotalBytes)}");
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            v.NotBlank(a.FileName, $"attachments[{i}].file_name", 255);
            v.Require(a.ContentType.Length <= 100, $"attachments[{i}].content_type", "must be at most 100 characters");
            v.Require(a.Content.Length > 0, $"attachments[{i}].content", "is empty");
            v.Require(a.Content.Length <= limits.MaxAttachmentBytes, $"attachments[{i}].content",
                $"must be at most {Megabytes(limits.MaxAttachmentBytes)}");
            v.Require(a.Content.Length == 0 || a.Content.Length > limits.MaxAttachmentBytes || AttachmentTypes.Detect(a.Content.ToByteArray()) is not null,
                $"attachments[{i}].content", $"is not a kind of file we accept: {AttachmentTypes.Allowed}");
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    public static bool HasAnyRoute(ContactDetails c) => c.Email.Length > 0 || c.Phone.Length > 0 || HasPostalAddress(c.Address);

    public static bool HasPostalAddress(PostalAddress? a) =>
        a is not null && a.Lines.Any(l => !string.IsNullOrWhiteSpace(l)) && !string.IsNullOrWhiteSpace(a.Postcode);

    private static void ValidateContact(Validator v, ContactDetails? c, string prefix)
    {
        if (c is null)
        {
            return;
        }
        if (c.Email.Length > 0)
        {
            v.Require(c.Email.Length <= 254 && EmailPattern().IsMatch(c.Email), $"{prefix}.email", "is not a valid email address");
        }
        if (c.Phone.Length > 0)
        {
            var digits = c.Phone.Count(char.IsAsciiDigit);
            v.Require(PhonePattern().IsMatch(c.Phone) && digits is >= 7 and <= 15, $"{prefix}.phone", "is not a valid phone number");
        }
        if (c.Address is { } a)
        {
            v.Require(a.Lines.Count <= 6 && a.Lines.All(l => l.Length <= 200), $"{prefix}.address.lines", "at most 6 lines of 200 characters");
            v.Require(a.Town.Length <= 100, $"{prefix}.address.town", "must be at most 100 characters");
            v.Require(a.Postcode.Length <= 10, $"{prefix}.address.postcode", "must be at most 10 characters");
        }
    }

    private static void ValidatePastDate(Validator v, Google.Type.Date? date, string field, DateOnly today, bool required)
    {
        if (date is null)
        {
            v.Require(!required, field, "is required");
            return;
        }
        if (!ProtoDates.TryToDateOnly(date, out var d))
        {
            v.Add(field, "is not a real date");
            return;
        }
        v.Require(d <= today, field, "must not be in the future");
        v.Require(d.Year >= 1900, field, "is not a plausible date");
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhonePattern();
}
