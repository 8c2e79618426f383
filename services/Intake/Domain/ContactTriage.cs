using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// A contact's triage decision and how it changes: decided once, then reclassified with a reason.
/// Each change is an entry saying who decided and when, an event, and the letters the decision sends
/// (<see cref="TriageLetters"/>). What the contact's state does not allow is refused with a reason;
/// a decision lacking what it needs is refused field by field (<see cref="TriageRules.Check"/>).
/// </summary>
public sealed class ContactTriage(Contact contact)
{
    private readonly List<IMessage> _events = [];
    private readonly List<TriageLetter> _letters = [];

    public Contact Contact { get; } = contact;

    /// <summary>Events raised by the last change, for the caller's outbox.</summary>
    public IReadOnlyList<IMessage> PendingEvents => _events;

    /// <summary>Messages the last change sends, for the caller to address and queue.</summary>
    public IReadOnlyList<TriageLetter> PendingLetters => _letters;

    public TriageEntry Triage(DecisionInput input, bool offerToComplain, TriageLists lists, string decidedBy, DateTime now)
    {
        if (Contact.Decision != (int)TriageDecision.Unspecified)
        {
            throw new RuleViolationException("The contact has already been triaged: reclassify it instead.");
        }
        TriageRules.Check(input, lists, Contact.ServiceAreaId);
        new Validator().Require(!offerToComplain || input.Decision == TriageDecision.ServiceRequest,
            "offer_to_complain", "applies to a service request").ThrowIfInvalid();

        var effective = TriageRules.Effective(input);
        Apply(input, effective, now);
        var entry = new TriageEntry
        {
            Id = Guid.CreateVersion7(),
            Decision = (int)effective,
            Stream = (int)input.Stream,
            ReasonCode = NullIfBlank(input.ReasonCode),
            Notes = NullIfBlank(input.Notes),
            OutOfTimeAccepted = input.OutOfTimeAccepted,
            ServiceAreaId = NullIfBlank(input.ServiceAreaId),
            DecidedAt = now,
            DecidedBy = decidedBy,
            OfferedToComplain = offerToComplain,
        };
        Contact.TriageEntries.Add(entry);
        _events.Add(new ContactTriaged
        {
            ContactId = Contact.Id.ToString(),
            Reference = Contact.Reference,
            PersonId = Contact.PersonId.ToString(),
            Decision = effective,
            Stream = effective == TriageDecision.Complaint ? input.Stream : ComplaintStream.Unspecified,
            ServiceAreaId = Contact.ServiceAreaId ?? "",
            Kind = (ContactKind)Contact.Kind,
            Channel = (Channel)Contact.Channel,
            ReceivedAt = Utc(Contact.ReceivedAt),
            TriagedAt = Utc(now),
            ReasonCode = input.ReasonCode,
            OutOfTimeAccepted = input.OutOfTimeAccepted,
            MemberEnquiry = Contact.MemberEnquiry,
            TriagedBy = decidedBy,
        });
        _letters.AddRange(TriageLetters.For(input.Decision, input.ReasonCode, input.OutOfTimeAccepted, offerToComplain,
            Contact.Reference, Contact.ServiceAreaId, lists));
        return entry;
    }

    /// <summary>
    /// Another decision for a triaged contact, with the reason. Out of time is decided at triage only:
    /// a contact found to be in time after all is reclassified to a complaint.
    /// </summary>
    public TriageEntry Reclassify(DecisionInput input, string reason, bool offerToComplain, TriageLists lists, string decidedBy, DateTime now)
    {
        if (Contact.Decision == (int)TriageDecision.Unspecified)
        {
            throw new RuleViolationException("The contact has not been triaged yet: triage it first.");
        }
        var from = (TriageDecision)Contact.Decision;
        new Validator()
            .NotBlank(reason, "reason", 2_000)
            .Require(input.Decision != from, "to_decision", "is already the contact's decision")
            .ThrowIfInvalid();
        TriageRules.Check(input, lists, Contact.ServiceAreaId);
        new Validator().Require(input.Decision != TriageDecision.OutOfTime, "to_decision",
            "out of time is decided at triage; reclassify to COMPLAINT to accept it anyway").ThrowIfInvalid();

        Apply(input, input.Decision, now);
        var entry = new TriageEntry
        {
            Id = Guid.CreateVersion7(),
            Decision = (int)input.Decision,
            Stream = (int)input.Stream,
            ReasonCode = NullIfBlank(input.ReasonCode),
            ServiceAreaId = NullIfBlank(input.ServiceAreaId),
            DecidedAt = now,
            DecidedBy = decidedBy,
            ReplacedDecision = (int)from,
            Reason = reason.Trim(),
            OfferedToComplain = offerToComplain,
        };
        Contact.TriageEntries.Add(entry);
        _events.Add(new ContactReclassified
        {
            ContactId = Contact.Id.ToString(),
            Reference = Contact.Reference,
            FromDecision = from,
            ToDecision = input.Decision,
            Stream = input.Decision == TriageDecision.Complaint ? input.Stream : ComplaintStream.Unspecified,
            ReclassifiedAt = Utc(now),
            ReclassifiedBy = decidedBy,
        });
        _letters.AddRange(TriageLetters.For(input.Decision, input.ReasonCode, false, offerToComplain, Contact.Reference, Contact.ServiceAreaId, lists));
        return entry;
    }

    private void Apply(DecisionInput input, TriageDecision effective, DateTime now)
    {
        Contact.Decision = (int)effective;
        Contact.Stream = effective == TriageDecision.Complaint ? (int)input.Stream : 0;
        Contact.TriagedAt = now;
        Contact.UpdatedAt = now;
        // Whatever another service suggested when it sent the contact back has now been decided.
        Contact.SuggestedDecision = 0;
        if (input.ServiceAreaId.Length > 0)
        {
            Contact.ServiceAreaId = input.ServiceAreaId;
        }
    }

    private static Timestamp Utc(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string? NullIfBlank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
