namespace ComplaintsPlatform.Web.Pages.Staff.LinkOfficer;

/// <summary>A step the link officer records on an enquiry: its address, its page's heading, and what the enquiry page says after it.</summary>
public sealed record EnquiryStep(string Slug, string Title, string Button, string Done);

public static class EnquirySteps
{
    public static readonly EnquiryStep LinkCase = new("link-case", "Link the council's case", "Link the case", "The council's case is linked");
    public static readonly EnquiryStep Request = new("request", "Record a request for information", "Record the request", "Request for information recorded");
    public static readonly EnquiryStep Reply = new("reply", "Record the council's reply", "Record the reply", "Reply recorded");
    public static readonly EnquiryStep Correspondence = new("correspondence", "Record a letter or email", "Record the letter", "Letter recorded");
    public static readonly EnquiryStep Draft = new("draft-decision", "Record the draft decision", "Record the draft decision", "Draft decision recorded");
    public static readonly EnquiryStep Comments = new("comments", "Record the council's comments on the draft", "Record the comments", "Comments on the draft recorded");
    public static readonly EnquiryStep Decision = new("decision", "Record the final decision", "Record the decision", "Final decision recorded");
    public static readonly EnquiryStep Recommendation = new("recommendation", "Record a recommendation", "Record the recommendation", "Recommendation recorded");
    public static readonly EnquiryStep CompleteRecommendation = new("complete-recommendation", "Record a recommendation complied with", "Record it as complied with", "Recommendation complied with");
    public static readonly EnquiryStep Order = new("order", "Record a Housing Ombudsman order", "Record the order", "Order recorded");
    public static readonly EnquiryStep CompleteOrder = new("complete-order", "Record an order complied with", "Record it as complied with", "Order complied with");
    public static readonly EnquiryStep PublicInterest = new("public-interest", "Record a public interest report step", "Record the step", "Public interest report step recorded");

    public static readonly IReadOnlyList<EnquiryStep> All =
        [LinkCase, Request, Reply, Correspondence, Draft, Comments, Decision, Recommendation, CompleteRecommendation, Order, CompleteOrder, PublicInterest];

    public static EnquiryStep? Find(string slug) => All.FirstOrDefault(s => s.Slug == slug);
}
