namespace ComplaintsPlatform.Intake.Import;

/// <summary>The columns of the contacts template (docs/import/contacts.md), and where each live field's rule reports.</summary>
internal static class ContactColumns
{
    public const string SourceId = "source_id";
    public const string Reference = "reference";
    public const string Kind = "kind";
    public const string Channel = "channel";
    public const string Received = "received";
    public const string HappenedOn = "happened_on";
    public const string Decision = "triage_decision";
    public const string ReasonCode = "reason_code";
    public const string Triaged = "triaged";
    public const string OutOfTimeAccepted = "out_of_time_accepted";
    public const string TriageNotes = "triage_notes";
    public const string ServiceArea = "service_area";
    public const string Stream = "stream";
    public const string MemberEnquiry = "member_enquiry";
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string AddressLine1 = "address_line_1";
    public const string AddressLine2 = "address_line_2";
    public const string AddressLine3 = "address_line_3";
    public const string Town = "town";
    public const string Postcode = "postcode";
    public const string PreferredContact = "preferred_contact";
    public const string RepresentativeName = "representative_name";
    public const string RepresentativeRelationship = "representative_relationship";
    public const string RepresentativeEmail = "representative_email";
    public const string RepresentativePhone = "representative_phone";
    public const string RepresentativeConsent = "representative_consent";
    public const string RepresentativeConsentScope = "representative_consent_scope";
    public const string RepresentativeConsentGivenOn = "representative_consent_given_on";
    public const string Summary = "summary";

    public static readonly string[] Required = [SourceId, Kind, Channel, Received, Decision, Summary];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        SourceId, Reference, Kind, Channel, Received, HappenedOn, Decision, ReasonCode, Triaged, OutOfTimeAccepted,
        TriageNotes, ServiceArea, Stream, MemberEnquiry, Name, Email, Phone, AddressLine1, AddressLine2, AddressLine3,
        Town, Postcode, PreferredContact, RepresentativeName, RepresentativeRelationship, RepresentativeEmail,
        RepresentativePhone, RepresentativeConsent, RepresentativeConsentScope, RepresentativeConsentGivenOn, Summary,
    };

    /// <summary>The template column behind a field the live submission and triage rules name.</summary>
    public static string ForField(string field) => field switch
    {
        "kind" => Kind,
        "channel" => Channel,
        "received_at" => Received,
        "happened_on" => HappenedOn,
        "name" => Name,
        "description" => Summary,
        "contact" or "contact.address" or "contact.address.lines" => AddressLine1,
        "contact.email" => Email,
        "contact.phone" => Phone,
        "contact.address.town" => Town,
        "contact.address.postcode" => Postcode,
        "preferred_contact_method" => PreferredContact,
        "representative.name" => RepresentativeName,
        "representative.relationship" => RepresentativeRelationship,
        "representative.consent_recorded" => RepresentativeConsent,
        "representative.consent_scope" => RepresentativeConsentScope,
        "representative.consent_given_on" => RepresentativeConsentGivenOn,
        "representative.contact.email" => RepresentativeEmail,
        "representative.contact.phone" => RepresentativePhone,
        "service_area_id" => ServiceArea,
        "decision" => Decision,
        "stream" => Stream,
        "reason_code" => ReasonCode,
        "notes" => TriageNotes,
        "out_of_time_accepted" => OutOfTimeAccepted,
        _ => field.StartsWith("representative.", StringComparison.Ordinal) ? RepresentativeName : "",
    };
}
