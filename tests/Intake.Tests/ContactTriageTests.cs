using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>A contact's triage without a database: who may change it, what each change records and announces, and which letters it sends.</summary>
public sealed class ContactTriageTests
{
    private static readonly DateTime s_now = new(2026, 1, 12, 10, 0, 0, DateTimeKind.Utc);

    private static readonly TriageLists s_lists = new(
        new HashSet<string> { "DAMAGES" }, new HashSet<string> { "NHS", "CAB" }, new HashSet<string> { "waste" },
        new Dictionary<(string, string), string>
        {
            [(TriageLists.ExclusionReasonsList, "DAMAGES")] = "a claim for damages",
            [(TriageLists.SignpostDestinationsList, "NHS")] = "the NHS",
        });

    private static ContactTriage Received(string? serviceAreaId = null) => new(new Contact
    {
        Id = Guid.NewGuid(),
        Reference = "CP-2026-000001",
        PersonId = Guid.NewGuid(),
        Kind = (int)ContactKind.Complaint,
        Channel = (int)Channel.Email,
        ReceivedAt = s_now.AddDays(-2),
        ServiceAreaId = serviceAreaId,
    });

    private static ContactTriage Triaged(TriageDecision decision = TriageDecision.Complaint)
    {
        var triage = Received("waste");
        triage.Triage(Decision(decision, decision == TriageDecision.Complaint ? ComplaintStream.Corporate : ComplaintStream.Unspecified),
            false, s_lists, "triage-officer", s_now);
        return triage;
    }

    private static DecisionInput Decision(TriageDecision decision, ComplaintStream stream = ComplaintStream.Unspecified, string reasonCode = "",
        string notes = "", bool outOfTimeAccepted = false, string serviceAreaId = "") =>
        new(decision, stream, reasonCode, notes, outOfTimeAccepted, serviceAreaId);

    private static void Refused(Action action, string reasonFragment)
    {
        var ex = Assert.Throws<RuleViolationException>(action);
        Assert.Contains(reasonFragment, ex.Message, StringComparison.Ordinal);
    }

    private static void Invalid(Action action, string field) =>
        Assert.Contains(Assert.Throws<ValidationException>(action).Violations, v => v.Field == field);

    [Fact]
    public void A_contact_is_triaged_once_and_only_a_triaged_contact_is_reclassified()
    {
        Refused(() => Received().Reclassify(Decision(TriageDecision.Enquiry, serviceAreaId: "waste"), "Misread", false, s_lists, "officer", s_now),
            "not been triaged yet");
        Refused(() => Triaged().Triage(Decision(TriageDecision.Enquiry, serviceAreaId: "waste"), false, s_lists, "officer", s_now),
            "already been triaged: reclassify it instead");
    }

    [Fact]
    public void Triage_records_who_decided_when_announces_it_and_clears_a_suggestion_from_another_service()
    {
        var triage = Received();
        triage.Contact.SuggestedDecision = (int)TriageDecision.Complaint;

        var entry = triage.Triage(Decision(TriageDecision.Complaint, ComplaintStream.Housing), false, s_lists, "triage-officer", s_now);

        Assert.Equal(((int)TriageDecision.Complaint, (int)ComplaintStream.Housing, s_now, 0),
            (triage.Contact.Decision, triage.Contact.Stream, triage.Contact.TriagedAt, triage.Contact.SuggestedDecision));
        Assert.Equal(("triage-officer", s_now), (entry.DecidedBy, entry.DecidedAt));
        var triaged = Assert.IsType<ContactTriaged>(Assert.Single(triage.PendingEvents));
        Assert.Equal((TriageDecision.Complaint, ComplaintStream.Housing, "triage-officer"), (triaged.Decision, triaged.Stream, triaged.TriagedBy));
        // A complaint's letters are CaseWorkflow's.
        Assert.Empty(triage.PendingLetters);
    }

    [Fact]
    public void Out_of_time_accepted_for_a_good_reason_is_triaged_as_a_complaint_and_sends_no_refusal()
    {
        var triage = Received();

        var entry = triage.Triage(Decision(TriageDecision.OutOfTime, ComplaintStream.Housing, notes: "bereavement", outOfTimeAccepted: true),
            false, s_lists, "triage-officer", s_now);

        Assert.Equal(((int)TriageDecision.Complaint, true), (entry.Decision, entry.OutOfTimeAccepted));
        Assert.Empty(triage.PendingLetters);
    }

    [Theory]
    [InlineData(TriageDecision.Excluded, "DAMAGES", "a claim for damages", true)]
    [InlineData(TriageDecision.OutOfTime, "", "more than 12 months", true)]
    [InlineData(TriageDecision.Signpost, "NHS", "elsewhere: the NHS.", false)]
    [InlineData(TriageDecision.Signpost, "CAB", "elsewhere: CAB.", false)]
    [InlineData(TriageDecision.ReferOnlineReporting, "", "online reporting service", false)]
    public void A_refusal_or_redirection_tells_the_person_why_and_a_refusal_names_the_Ombudsman(
        TriageDecision decision, string reasonCode, string outcome, bool ombudsmanRight)
    {
        var triage = Received();

        triage.Triage(Decision(decision, reasonCode: reasonCode), false, s_lists, "triage-officer", s_now);

        var letter = Assert.Single(triage.PendingLetters);
        Assert.Equal(("outcome", Templates.TriageOutcome, (string?)null), (letter.Key, letter.Template, letter.ServiceAreaId));
        Assert.Contains(outcome, letter.Facts["outcome_text"], StringComparison.Ordinal);
        Assert.Equal(ombudsmanRight, letter.Facts.ContainsKey("ombudsman_right"));
    }

    [Fact]
    public void A_service_request_is_passed_to_its_service_whose_team_is_told_and_the_person_may_be_offered_to_complain()
    {
        var triage = Received();

        triage.Triage(Decision(TriageDecision.ServiceRequest, serviceAreaId: "waste"), true, s_lists, "triage-officer", s_now);

        Assert.Equal("waste", triage.Contact.ServiceAreaId);
        Assert.Equal(["staff", "offer"], triage.PendingLetters.Select(l => l.Key));
        var staff = triage.PendingLetters[0];
        Assert.Equal("waste", staff.ServiceAreaId);
        Assert.Equal("A service request has been passed to your service (CP-2026-000001)", staff.Facts["subject"]);
        Assert.Equal(Templates.OfferToComplain, triage.PendingLetters[1].Template);
    }

    [Fact]
    public void Offering_to_complain_applies_to_a_service_request_only() =>
        Invalid(() => Received().Triage(Decision(TriageDecision.Enquiry, serviceAreaId: "waste"), true, s_lists, "officer", s_now), "offer_to_complain");

    [Fact]
    public void Reclassification_records_the_decision_it_replaced_and_why_and_announces_both()
    {
        var triage = Triaged(TriageDecision.Compliment);

        var entry = triage.Reclassify(Decision(TriageDecision.Complaint, ComplaintStream.Corporate, notes: "It is a complaint after all"),
            " It is a complaint after all ", false, s_lists, "team-lead", s_now.AddHours(1));

        Assert.Equal(((int)TriageDecision.Complaint, (int)TriageDecision.Compliment, "It is a complaint after all"),
            (entry.Decision, entry.ReplacedDecision, entry.Reason));
        var reclassified = Assert.IsType<ContactReclassified>(triage.PendingEvents[^1]);
        Assert.Equal((TriageDecision.Compliment, TriageDecision.Complaint, ComplaintStream.Corporate),
            (reclassified.FromDecision, reclassified.ToDecision, reclassified.Stream));
        Assert.Equal(2, triage.Contact.TriageEntries.Count);
    }

    [Fact]
    public void Reclassification_needs_a_reason_and_another_decision_and_never_to_out_of_time()
    {
        var triage = Triaged();
        Invalid(() => triage.Reclassify(Decision(TriageDecision.Enquiry, serviceAreaId: "waste"), " ", false, s_lists, "officer", s_now), "reason");
        Invalid(() => triage.Reclassify(Decision(TriageDecision.Complaint, ComplaintStream.Corporate), "Again", false, s_lists, "officer", s_now),
            "to_decision");
        Invalid(() => triage.Reclassify(Decision(TriageDecision.OutOfTime), "Too late", false, s_lists, "officer", s_now), "to_decision");
    }
}
