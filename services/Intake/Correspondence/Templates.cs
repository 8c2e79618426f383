namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>A rendered message: a subject and paragraphs, shared by the email and the printed letter.</summary>
public sealed record RenderedMessage(string Subject, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The letters and emails Intake sends. Case facts come from the asking service as key/value strings;
/// a missing fact leaves its sentence out rather than failing the send.
/// </summary>
public static class Templates
{
    public const string Receipt = "receipt";
    public const string Acknowledgement = "acknowledgement";
    public const string ExtensionNotice = "extension_notice";
    public const string DelayNotice = "delay_notice";
    public const string StageResponse = "stage_response";
    public const string EscalationDecision = "escalation_decision";
    public const string FinalResponse = "final_response";
    public const string StaffNotification = "staff_notification";
    // Intake's own: the outcome of triage when it is not a complaint, and the offer to complain.
    public const string TriageOutcome = "triage_outcome";
    public const string OfferToComplain = "offer_to_complain";
    // For CaseWorkflow's letters that have no template of their own above (see CaseLetters).
    public const string DeadlineMoved = "deadline_moved";
    // The registers: a restriction on how the person contacts the council, and its review.
    public const string RestrictionNotice = "restriction_notice";
    public const string RestrictionReview = "restriction_review";

    public static readonly IReadOnlySet<string> ForOtherServices = new HashSet<string>
    {
        Receipt, Acknowledgement, ExtensionNotice, DelayNotice, StageResponse, EscalationDecision, FinalResponse, StaffNotification,
    };

    public static RenderedMessage Render(string template, IReadOnlyDictionary<string, string> facts, string? reference)
    {
        var re = reference is null ? "" : $" (reference {reference})";
        string? F(string key) => facts.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var paragraphs = new List<string>();
        void Add(string? text)
        {
            if (text is not null)
            {
                paragraphs.Add(text);
            }
        }
        string subject;
        switch (template)
        {
            case Receipt:
                subject = $"We have received your message{re}";
                Add($"Thank you for contacting us. Your reference is {reference}. Please quote it whenever you contact us about this.");
                Add("What happens next: our complaints team will read what you sent and decide how it is best handled. "
                    + "If it is a complaint, we will acknowledge it formally and tell you when to expect our response.");
                Add(F("status_link") is { } link
                    ? $"You can check progress, add information or withdraw online: {link}"
                    : "You can check progress online with your reference and the status code you were given when you contacted us.");
                Add("If you need reasonable adjustments because of a disability or other need — for example large print, "
                    + "easy read, a phone call first, or writing to someone who acts for you — please tell us, quoting your reference.");
                break;
            case Acknowledgement:
                subject = $"Your complaint has been acknowledged{re}";
                Add($"We have logged your complaint{(F("stage") is { } s ? $" at stage {s}" : "")} under the complaints procedure.");
                Add(F("summary") is { } sum ? $"We understand your complaint is about: {sum}" : null);
                Add(F("outcome_sought") is { } o ? $"You would like: {o}" : null);
                Add(F("due_date") is { } d ? $"We will send you our response by {d}." : null);
                Add(F("discussion_offer") is not null ? "We would like to discuss with you how your complaint will be handled and how long it should take. Please contact us to arrange this." : null);
                break;
            case ExtensionNotice:
                subject = $"We need more time to respond{re}";
                Add($"We are sorry, but we need more time to respond to your complaint{(F("reason") is { } r ? $" because {r}" : "")}.");
                Add(F("due_date") is { } d2 ? $"We will now respond by {d2}." : null);
                Add(OmbudsmanParagraph(F("ombudsman"), "If you are unhappy with this extension"));
                break;
            case DelayNotice:
                subject = $"Your complaint response is delayed{re}";
                Add($"We have not been able to respond to your complaint by the date we gave you{(F("reason") is { } r2 ? $", because {r2}" : "")}.");
                Add(F("due_date") is { } d3 ? $"We now expect to respond by {d3}." : null);
                Add(OmbudsmanParagraph(F("ombudsman"), "If you are unhappy with the delay"));
                break;
            case StageResponse:
                subject = $"Our response to your complaint{(F("stage") is { } st ? $" at stage {st}" : "")}{re}";
                Add(F("response_text"));
                Add(F("outcome") is { } oc ? $"Our finding: {oc}." : null);
                Add(F("escalate_by") is { } eb
                    ? $"If you are not satisfied, you can ask us to consider your complaint at the next stage by {eb}."
                    : "If you are not satisfied, you can ask us to consider your complaint at the next stage.");
                break;
            case EscalationDecision:
                var accepted = string.Equals(F("decision"), "accepted", StringComparison.OrdinalIgnoreCase);
                subject = $"Your request to escalate your complaint{re}";
                Add(accepted
                    ? $"We have accepted your request. Your complaint will be considered at stage {F("stage") ?? "2"} by someone who was not involved before."
                    : $"We are not able to escalate your complaint{(F("reason") is { } rr ? $" because {rr}" : "")}.");
                Add(F("due_date") is { } d4 && accepted ? $"We will respond by {d4}." : null);
                Add(accepted ? null : OmbudsmanParagraph(F("ombudsman"), "You do not have to wait"));
                break;
            case FinalResponse:
                subject = $"Our final response to your complaint{re}";
                Add(F("response_text"));
                Add(F("outcome") is { } oc2 ? $"Our finding: {oc2}." : null);
                Add("This is our final response: our complaints procedure is now complete.");
                Add(OmbudsmanParagraph(F("ombudsman"), "If you are still not satisfied"));
                break;
            case StaffNotification:
                subject = F("subject") ?? $"Complaints platform notification{re}";
                Add(F("message"));
                Add(F("case_id") is { } c ? $"Case: {c}" : null);
                Add(F("due_date") is { } d5 ? $"Due: {d5}" : null);
                break;
            case DeadlineMoved:
                subject = $"The date of our response has changed{re}";
                Add($"The date by which we will {(F("kind") == "ESCALATION_WINDOW" ? "accept a request to escalate your complaint" : "respond to your complaint")} has changed"
                    + $"{(F("previous_due") is { } pd ? $" from {pd}" : "")}{(F("due_date") is { } nd ? $" to {nd}" : "")}, because the working-day calendar changed (for example a new bank holiday).");
                break;
            case TriageOutcome:
                subject = $"About your message{re}";
                Add(F("outcome_text"));
                Add(F("ombudsman_right") is not null ? OmbudsmanParagraph(F("ombudsman"), "If you disagree with this decision") : null);
                break;
            case OfferToComplain:
                subject = $"You can make a complaint{re}";
                Add("You have told us you are unhappy. We have been dealing with your message as a request for a service, "
                    + "but you can choose to make a formal complaint instead. If you would like to, reply quoting your reference and we will treat it as a complaint.");
                break;
            case RestrictionNotice:
            case RestrictionReview:
                subject = RestrictionLetters.Render(template, F, Add, re);
                Add(F("ended_on") is null ? OmbudsmanParagraph(F("ombudsman"), "If you think this decision is unfair") : null);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(template), template, "Unknown template.");
        }
        return new RenderedMessage(subject, paragraphs);
    }

    public static bool IsKnown(string template) =>
        ForOtherServices.Contains(template) || template is TriageOutcome or OfferToComplain or DeadlineMoved or RestrictionNotice or RestrictionReview;

    private static string OmbudsmanParagraph(string? ombudsman, string lead) =>
        string.Equals(ombudsman, "HOUSING_OMBUDSMAN", StringComparison.OrdinalIgnoreCase)
            ? $"{lead}, you can ask the Housing Ombudsman Service to look at your complaint: www.housing-ombudsman.org.uk, 0300 111 3000."
            : $"{lead}, you can ask the Local Government and Social Care Ombudsman to look at your complaint: www.lgo.org.uk, 0300 061 0614.";
}
