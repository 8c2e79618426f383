using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf.WellKnownTypes;
using DuplicateFlag = ComplaintsPlatform.Intake.Data.DuplicateFlag;
using TriageRecord = ComplaintsPlatform.Intake.V1.TriageRecord;

namespace ComplaintsPlatform.Intake.Grpc;

internal static class ContactMapping
{
    public static Contact NewContact(SubmitRequest r, Guid personId, DateTimeOffset received, DateOnly receivedOn, DateTimeOffset now,
        string? recordedBy, byte[] fingerprint)
    {
        var c = r.Contact ?? new ContactDetails();
        var rep = r.Representative;
        var preferred = r.PreferredContactMethod != ContactMethod.Unspecified ? r.PreferredContactMethod
            : c.Email.Length > 0 ? ContactMethod.Email
            : SubmissionRules.HasPostalAddress(c.Address) ? ContactMethod.Letter
            : ContactMethod.Phone;
        var channel = r.Channel == Channel.Unspecified ? Channel.OnlineForm : r.Channel;
        ProtoDates.TryToDateOnly(r.HappenedOn, out var happened);
        return new Contact
        {
            Id = Guid.CreateVersion7(),
            ClientRequestId = r.ClientRequestId,
            RequestFingerprint = fingerprint,
            PersonId = personId,
            Kind = (int)r.Kind,
            Channel = (int)channel,
            ReceivedAt = received.UtcDateTime,
            RecordedAt = now.UtcDateTime,
            RecordedBy = recordedBy,
            Name = r.Name.Trim(),
            Email = NullIfEmpty(c.Email.Trim()),
            Phone = NullIfEmpty(c.Phone.Trim()),
            AddressLines = c.Address?.Lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray() ?? [],
            Town = NullIfEmpty(c.Address?.Town),
            Postcode = NullIfEmpty(c.Address?.Postcode),
            PreferredContactMethod = (int)preferred,
            RepresentativeName = rep?.Name.Trim(),
            RepresentativeRelationship = NullIfEmpty(rep?.Relationship),
            RepresentativeEmail = NullIfEmpty(rep?.Contact?.Email),
            RepresentativePhone = NullIfEmpty(rep?.Contact?.Phone),
            RepresentativeAddressLines = rep?.Contact?.Address?.Lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray() ?? [],
            RepresentativeTown = NullIfEmpty(rep?.Contact?.Address?.Town),
            RepresentativePostcode = NullIfEmpty(rep?.Contact?.Address?.Postcode),
            RepresentativeConsentScope = (int)(rep?.ConsentScope ?? ConsentScope.Unspecified),
            RepresentativeConsentGivenOn = rep is not null && ProtoDates.TryToDateOnly(rep.ConsentGivenOn, out var given) ? given : null,
            Adjustments = r.Adjustments.Select(a => (int)a).Distinct().ToArray(),
            AdjustmentsNotes = NullIfEmpty(r.AdjustmentsNotes),
            Description = r.Description.Trim(),
            HappenedOn = r.HappenedOn is null ? null : happened,
            OutcomeSought = NullIfEmpty(r.OutcomeSought),
            ServiceAreaId = NullIfEmpty(r.ServiceAreaId),
            MemberEnquiry = TriageRules.IsMemberEnquiry(r.Kind, channel),
            PossiblyOutOfTime = TriageRules.PossiblyOutOfTime(r.HappenedOn is null ? null : happened, receivedOn),
            UpdatedAt = now.UtcDateTime,
        };
    }

    public static EqualityAnswers Equality(EqualityMonitoring eq, Contact contact)
    {
        var received = DateOnly.FromDateTime(contact.ReceivedAt);
        return new EqualityAnswers
        {
            Id = Guid.NewGuid(),
            // Only the month and kind: enough for monitoring, not enough to find the contact again.
            Month = new DateOnly(received.Year, received.Month, 1),
            ContactKind = contact.Kind,
            AgeBand = NullIfEmpty(eq.AgeBand),
            Sex = NullIfEmpty(eq.Sex),
            Ethnicity = NullIfEmpty(eq.Ethnicity),
            Disability = NullIfEmpty(eq.Disability),
            Religion = NullIfEmpty(eq.Religion),
            SexualOrientation = NullIfEmpty(eq.SexualOrientation),
        };
    }

    public static ContactDetail ToDetail(Contact c, IEnumerable<AttachmentInfo> attachments, IReadOnlyDictionary<Guid, string> otherReferences)
    {
        var detail = new ContactDetail
        {
            ContactId = c.Id.ToString(),
            Reference = c.Reference,
            PersonId = c.PersonId.ToString(),
            Kind = (ContactKind)c.Kind,
            Channel = (Channel)c.Channel,
            ReceivedAt = Ts(c.ReceivedAt),
            RecordedAt = Ts(c.RecordedAt),
            RecordedBy = c.RecordedBy ?? "",
            Name = c.Name,
            Contact = Details(c.Email, c.Phone, c.AddressLines, c.Town, c.Postcode),
            PreferredContactMethod = (ContactMethod)c.PreferredContactMethod,
            AdjustmentsNotes = c.AdjustmentsNotes ?? "",
            Description = c.Description,
            HappenedOn = ProtoDates.ToProto(c.HappenedOn),
            OutcomeSought = c.OutcomeSought ?? "",
            ServiceAreaId = c.ServiceAreaId ?? "",
            MemberEnquiry = c.MemberEnquiry,
            PossiblyOutOfTime = c.PossiblyOutOfTime,
            Imported = c.Imported,
            ImportSourceId = c.ImportSourceId ?? "",
            ImportOrigin = c.Imported ? $"{c.ImportSourceFile} line {c.ImportLine}" : "",
        };
        detail.Adjustments.AddRange(c.Adjustments.Select(a => (Adjustment)a));
        if (c.HasRepresentative)
        {
            detail.Representative = new Representative
            {
                Name = c.RepresentativeName,
                Relationship = c.RepresentativeRelationship ?? "",
                Contact = Details(c.RepresentativeEmail, c.RepresentativePhone, c.RepresentativeAddressLines,
                    c.RepresentativeTown, c.RepresentativePostcode),
                ConsentRecorded = true,
                ConsentScope = (ConsentScope)c.RepresentativeConsentScope,
                ConsentGivenOn = ProtoDates.ToProto(c.RepresentativeConsentGivenOn),
            };
        }
        detail.Attachments.AddRange(attachments);
        detail.PossibleDuplicates.AddRange(c.DuplicateFlags.OrderByDescending(d => d.Similarity).Select(d => Flag(d, otherReferences)));
        detail.TriageHistory.AddRange(c.TriageEntries.OrderBy(t => t.DecidedAt).ThenBy(t => t.Id).Select(Record));
        return detail;
    }

    private static V1.DuplicateFlag Flag(DuplicateFlag d, IReadOnlyDictionary<Guid, string> references) => new()
    {
        Id = d.Id.ToString(),
        OtherContactId = d.OtherContactId.ToString(),
        OtherReference = references.GetValueOrDefault(d.OtherContactId, ""),
        Similarity = d.Similarity,
        Status = d.Status,
    };

    private static TriageRecord Record(TriageEntry t) => new()
    {
        Decision = (TriageDecision)t.Decision,
        Stream = (ComplaintStream)t.Stream,
        ReasonCode = t.ReasonCode ?? "",
        Notes = t.Notes ?? "",
        OutOfTimeAccepted = t.OutOfTimeAccepted,
        DecidedAt = Ts(t.DecidedAt),
        DecidedBy = t.DecidedBy,
        ReplacedDecision = (TriageDecision)t.ReplacedDecision,
        Reason = t.Reason ?? "",
        OfferedToComplain = t.OfferedToComplain,
    };

    private static ContactDetails Details(string? email, string? phone, string[] lines, string? town, string? postcode)
    {
        var details = new ContactDetails { Email = email ?? "", Phone = phone ?? "" };
        if (lines.Length > 0 || postcode is not null)
        {
            details.Address = new PostalAddress { Town = town ?? "", Postcode = postcode ?? "" };
            details.Address.Lines.AddRange(lines);
        }
        return details;
    }

    // The person's view: codes and dates, never the team or handler.
    public static V1.CaseProgress ToProgress(Data.CaseProgress p) => new()
    {
        Stage = p.Stage,
        Status = p.Status,
        NextStep = p.NextStep,
        NextDue = ProtoDates.ToProto(p.NextDue),
        OpenedOn = ProtoDates.ToProto(p.OpenedOn),
        AcknowledgedOn = ProtoDates.ToProto(p.AcknowledgedOn),
        RespondedOn = ProtoDates.ToProto(p.RespondedOn),
        ClosedOn = ProtoDates.ToProto(p.ClosedOn),
        Ending = p.Ending ?? "",
        Outcome = p.Outcome ?? "",
        NextBody = p.NextBody ?? "",
    };

    public static Timestamp Ts(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
