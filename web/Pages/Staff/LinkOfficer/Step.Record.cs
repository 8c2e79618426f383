using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;
using OmbudsmanLiaisonClient = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using V1Direction = ComplaintsPlatform.Ombudsman.V1.Direction;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Web.Infrastructure;

namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>Each step's call, and its inputs as the service's fields name them.</summary>
public sealed partial class StepModel
{
    private async Task RecordAsync(string id)
    {
        var on = DateOf(On, nameof(On));
        var text = Summary?.Trim() ?? "";
        switch (Step.Slug)
        {
            case "link-case":
                await ombudsman.LinkCaseAsync(new LinkCaseRequest { EnquiryId = id, CaseReference = CaseReference?.Trim() ?? "" }, Call);
                break;
            case "request":
                await ombudsman.RecordInformationRequestAsync(new RecordInformationRequestRequest
                {
                    EnquiryId = id, RequestedOn = on, DueOn = DateOf(Due, nameof(Due)), Summary = text,
                }, Call);
                break;
            case "reply":
                await ombudsman.RecordReplyAsync(new RecordReplyRequest { EnquiryId = id, RequestId = Item ?? "", RepliedOn = on, Summary = text }, Call);
                break;
            case "correspondence":
                await ombudsman.RecordCorrespondenceAsync(new RecordCorrespondenceRequest
                {
                    EnquiryId = id, Direction = Parse<V1Direction>(Direction), OccurredOn = on, Summary = text,
                }, Call);
                break;
            case "draft-decision":
                await ombudsman.RecordDraftDecisionAsync(new RecordDraftDecisionRequest { EnquiryId = id, ReceivedOn = on, CommentsDueOn = DateOf(Due, nameof(Due)) }, Call);
                break;
            case "comments":
                await ombudsman.RecordDraftCommentsAsync(new RecordDraftCommentsRequest { EnquiryId = id, SentOn = on, Summary = text }, Call);
                break;
            case "decision":
                await ombudsman.RecordDecisionAsync(DecisionRequest(id, on, text), Call);
                break;
            case "recommendation":
                await ombudsman.AgreeRecommendationAsync(new AgreeRecommendationRequest
                {
                    EnquiryId = id, Type = Parse<RecommendationType>(Type), Description = text, AmountPence = Pence(Amount, nameof(Amount)),
                    AgreedOn = on, DueOn = DateOf(Due, nameof(Due)),
                }, Call);
                break;
            case "order":
                await ombudsman.RecordOrderAsync(new RecordOrderRequest
                {
                    EnquiryId = id, Type = Parse<RecommendationType>(Type), Description = text, AmountPence = Pence(Amount, nameof(Amount)),
                    OrderedOn = on, ComplianceDueOn = DateOf(Due, nameof(Due)),
                }, Call);
                break;
            case "complete-recommendation":
                await ombudsman.CompleteRecommendationAsync(new CompleteRecommendationRequest { EnquiryId = id, RecommendationId = Item ?? "", CompletedOn = on, Evidence = text }, Call);
                break;
            case "complete-order":
                await ombudsman.CompleteOrderAsync(new CompleteOrderRequest { EnquiryId = id, OrderId = Item ?? "", CompletedOn = on, Evidence = text }, Call);
                break;
            case "public-interest":
                await ombudsman.RecordPublicInterestResponseAsync(new RecordPublicInterestResponseRequest
                {
                    EnquiryId = id, Step = Parse<DeadlineKind>(PublicInterestStep), DoneOn = on,
                }, Call);
                break;
        }
    }

    private RecordDecisionRequest DecisionRequest(string id, Google.Type.Date? on, string note)
    {
        var request = new RecordDecisionRequest
        {
            EnquiryId = id, DecidedOn = on, Note = note,
            SatisfactoryRemedy = SatisfactoryRemedy == "yes", PublicInterestReport = PublicInterestReport == "yes",
        };
        if (IsHousing)
        {
            request.HousingFindings.Add(new HousingFinding { Element = Element?.Trim() ?? "", Determination = Parse<HousingDetermination>(Determination) });
            return request;
        }
        request.Decision = Parse<OmbudsmanDecision>(Decision);
        request.ClosureReason = Parse<ClosureReason>(Closure);
        if (Injustice is "yes" or "no")
        {
            request.Injustice = Injustice == "yes";
        }
        return request;
    }

    private static T Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) ? parsed : default;

    /// <summary>The labels the step's page shows, so a refusal names the input the officer sees.</summary>
    public string OnLabel => Step.Slug switch
    {
        "link-case" => "",
        "request" => "Date the request arrived",
        "reply" => "Date the council replied",
        "correspondence" => "Date of the letter or email",
        "draft-decision" => "Date the draft decision arrived",
        "comments" => "Date the comments were sent",
        "decision" => "Date of the final decision",
        "recommendation" => "Date the council agreed it",
        "order" => "Date of the determination that made the order",
        "public-interest" => "Date it was done",
        _ => "Date it was complied with",
    };

    public string DueLabel => Step.Slug switch
    {
        "draft-decision" => "Comments due by",
        "order" => "Comply by",
        _ => "Due by",
    };

    public string SummaryLabel => Step.Slug switch
    {
        "request" => "What the Ombudsman asked for",
        "reply" => "What the council sent",
        "correspondence" => "What it was about",
        "comments" => "What the council said",
        "decision" => "Note (optional)",
        "recommendation" or "order" => "What the council must do",
        _ => "Evidence",
    };

    protected override IReadOnlyList<FieldInput> Inputs =>
    [
        new("case_reference", nameof(CaseReference), "Council case reference"),
        new("requested_on", nameof(On), OnLabel), new("replied_on", nameof(On), OnLabel), new("occurred_on", nameof(On), OnLabel),
        new("received_on", nameof(On), OnLabel), new("sent_on", nameof(On), OnLabel), new("decided_on", nameof(On), OnLabel),
        new("agreed_on", nameof(On), OnLabel), new("ordered_on", nameof(On), OnLabel), new("completed_on", nameof(On), OnLabel),
        new("done_on", nameof(On), OnLabel),
        new("due_on", nameof(Due), DueLabel), new("comments_due_on", nameof(Due), DueLabel), new("compliance_due_on", nameof(Due), DueLabel),
        new("summary", nameof(Summary), SummaryLabel), new("description", nameof(Summary), SummaryLabel), new("evidence", nameof(Summary), SummaryLabel),
        new("note", nameof(Summary), SummaryLabel),
        new("direction", nameof(Direction), "Direction"),
        new("decision", nameof(Decision), "Decision"),
        new("closure_reason", nameof(Closure), "Reason closed"),
        new("injustice", nameof(Injustice), "Did the fault cause injustice"),
        new("housing_findings", nameof(Determination), "Determination"),
        new("type", nameof(Type), "Remedy"),
        new("amount_pence", nameof(Amount), "Amount"),
        new("step", nameof(PublicInterestStep), "Step"),
    ];
}
