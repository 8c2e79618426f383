using System.Security.Cryptography;
using System.Text;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using C = ComplaintsPlatform.Intake.Import.ContactColumns;

namespace ComplaintsPlatform.Intake.Import;

/// <summary>What a historic contact must satisfy: the live submission and triage rules, with its real dates.</summary>
public sealed record ImportRules(DateTimeOffset Now, CouncilClock Clock, IntakeOptions Limits, IReadOnlySet<string> ServiceAreas, TriageLists Lists);

/// <summary>One valid row of the contacts template, as the live submission and triage decision it stands for.</summary>
public sealed record ContactRow(
    int Line, string SourceId, string? Reference, SubmitRequest Request, DecisionInput Decision,
    TriageDecision Effective, DateTimeOffset TriagedAt, bool MemberEnquiry, byte[] Fingerprint, DateOnly ReceivedOn)
{
    /// <summary>The row as a contact, or null with every fault recorded on <paramref name="row"/>.</summary>
    public static ContactRow? Parse(CsvRow row, ImportRules rules)
    {
        var zone = rules.Clock.TimeZone;
        var sourceId = row.Text(C.SourceId, 80, required: true);
        var reference = row.Text(C.Reference, 20);
        var kind = row.Enum<ContactKind>(C.Kind, "CONTACT_KIND_", required: true);
        var channel = row.Enum<Channel>(C.Channel, "CHANNEL_", required: true);
        var received = row.Instant(C.Received, zone, required: true);
        var happened = row.Date(C.HappenedOn);
        var decision = row.Enum<TriageDecision>(C.Decision, "TRIAGE_DECISION_", required: true);
        var stream = row.Enum<ComplaintStream>(C.Stream, "COMPLAINT_STREAM_");
        var triaged = row.Instant(C.Triaged, zone);
        var outOfTimeAccepted = row.Boolean(C.OutOfTimeAccepted) ?? false;
        var notes = row.Text(C.TriageNotes, 2_000);
        var reasonCode = row.Text(C.ReasonCode, 100);
        var serviceArea = row.Text(C.ServiceArea, 100);
        var member = row.Boolean(C.MemberEnquiry);
        var preferred = row.Enum<ContactMethod>(C.PreferredContact, "CONTACT_METHOD_");
        var consent = row.Boolean(C.RepresentativeConsent);
        var scope = row.Enum<ConsentScope>(C.RepresentativeConsentScope, "CONSENT_SCOPE_");
        var consentOn = row.Date(C.RepresentativeConsentGivenOn);
        var summary = row.Text(C.Summary, rules.Limits.MaxDescriptionChars, required: true);
        if (!row.IsValid)
        {
            return null;
        }

        var request = new SubmitRequest
        {
            // Unique per source id, as every contact's request id must be.
            ClientRequestId = "import:" + sourceId,
            Kind = kind!.Value,
            Channel = channel!.Value,
            ReceivedAt = Timestamp.FromDateTimeOffset(received!.Value),
            Name = row.Optional(C.Name) ?? "",
            Contact = Details(row, C.Email, C.Phone, [C.AddressLine1, C.AddressLine2, C.AddressLine3], C.Town, C.Postcode),
            PreferredContactMethod = preferred ?? ContactMethod.Unspecified,
            Description = summary!,
            HappenedOn = ProtoDates.ToProto(happened),
            ServiceAreaId = serviceArea ?? "",
        };
        if (row.Optional(C.RepresentativeName) is { } representative)
        {
            request.Representative = new Representative
            {
                Name = representative,
                Relationship = row.Optional(C.RepresentativeRelationship) ?? "",
                Contact = Details(row, C.RepresentativeEmail, C.RepresentativePhone, [], null, null),
                ConsentRecorded = consent ?? false,
                // Old systems mostly recorded consent as yes or no: that was consent to act in full.
                ConsentScope = scope ?? ConsentScope.Full,
                ConsentGivenOn = ProtoDates.ToProto(consentOn),
            };
        }
        var input = new DecisionInput(decision!.Value, stream ?? ComplaintStream.Unspecified, reasonCode ?? "", notes ?? "",
            outOfTimeAccepted, serviceArea ?? "");
        Apply(row, () => SubmissionRules.Validate(request, byStaff: true, rules.Now, rules.Clock.LocalDate(rules.Now), rules.Limits, rules.ServiceAreas));
        Apply(row, () => TriageRules.Check(input, rules.Lists, request.ServiceAreaId));

        var triagedAt = triaged ?? received.Value;
        if (triagedAt < received.Value)
        {
            // A triage date alone (taken at 09:00) on the day a contact arrived later that day.
            if (rules.Clock.LocalDate(triagedAt) == rules.Clock.LocalDate(received.Value))
            {
                triagedAt = received.Value;
            }
            else
            {
                row.Fail(C.Triaged, "is before the contact was received");
            }
        }
        // A triage date left out is the received date, whose own rule already spoke.
        if (triaged is not null && triagedAt > rules.Now)
        {
            row.Fail(C.Triaged, "must not be in the future");
        }
        if (!row.IsValid)
        {
            return null;
        }
        var fingerprint = SHA256.HashData([.. request.ToByteArray(), .. Encoding.UTF8.GetBytes($"|{input}|{reference}|{triagedAt:O}|{member}")]);
        return new ContactRow(row.Line, sourceId!, reference, request, input, TriageRules.Effective(input), triagedAt,
            member ?? TriageRules.IsMemberEnquiry(request.Kind, request.Channel), fingerprint, rules.Clock.LocalDate(received.Value));
    }

    private static ContactDetails Details(CsvRow row, string email, string phone, string[] lines, string? town, string? postcode)
    {
        var details = new ContactDetails { Email = row.Optional(email) ?? "", Phone = row.Optional(phone) ?? "" };
        var address = new PostalAddress
        {
            Town = town is null ? "" : row.Optional(town) ?? "",
            Postcode = postcode is null ? "" : row.Optional(postcode) ?? "",
        };
        address.Lines.AddRange(lines.Select(row.Optional).OfType<string>());
        if (address.Lines.Count > 0 || address.Town.Length > 0 || address.Postcode.Length > 0)
        {
            details.Address = address;
        }
        return details;
    }

    // The live rules report request fields: each is told against the template column it came from.
    private static void Apply(CsvRow row, Action rule)
    {
        try
        {
            rule();
        }
        catch (ValidationException e)
        {
            foreach (var v in e.Violations)
            {
                row.Fail(C.ForField(v.Field), v.Description);
            }
        }
    }
}
