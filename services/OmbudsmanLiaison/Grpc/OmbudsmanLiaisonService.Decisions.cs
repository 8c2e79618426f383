using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using Enquiry = ComplaintsPlatform.Ombudsman.V1.Enquiry;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

public sealed partial class OmbudsmanLiaisonService
{
    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordDecision(RecordDecisionRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        if (request.HousingFindings.Count == 0 && request.Decision == OmbudsmanDecision.Unspecified && enquiry.Record.Ombudsman == OmbudsmanBody.Housing)
        {
            v.Add("housing_findings", "needs a finding for each element of the complaint: the Housing Ombudsman determines rather than decides");
        }
        else if (request.HousingFindings.Count == 0)
        {
            RequireKnown(request.Decision, "decision", v);
        }
        else
        {
            v.Require(request.Decision == OmbudsmanDecision.Unspecified, "decision", "is not given with housing_findings: the Housing Ombudsman determines instead");
            v.Require(request.HousingFindings.Count <= MaxHousingFindings, "housing_findings", $"must be at most {MaxHousingFindings}");
            for (var i = 0; i < request.HousingFindings.Count; i++)
            {
                RequireKnown(request.HousingFindings[i].Determination, $"housing_findings[{i}].determination", v);
                v.Require(request.HousingFindings[i].Element.Length <= 300, $"housing_findings[{i}].element", "must be at most 300 characters");
            }
        }
        var decidedOn = Happened(request.DecidedOn, "decided_on", v, today, enquiry.Record.ReceivedOn);
        var upheld = request.Decision == OmbudsmanDecision.Upheld;
        if (request.Decision == OmbudsmanDecision.AssessedAndClosed)
        {
            RequireKnown(request.ClosureReason, "closure_reason", v);
        }
        else
        {
            v.Require(request.ClosureReason == ClosureReason.Unspecified, "closure_reason", "is given only for ASSESSED_AND_CLOSED");
        }
        v.Require(!upheld || request.HasInjustice, "injustice", "is required for UPHELD: say whether the fault caused injustice");
        v.Require(upheld || !request.HasInjustice, "injustice", "is given only for UPHELD");
        v.Require(upheld || !request.PublicInterestReport, "public_interest_report", "follows only an UPHELD decision");
        DateOnly? issuedOn = null;
        if (request.PublicInterestReport)
        {
            issuedOn = request.ReportIssuedOn is null ? decidedOn : Happened(request.ReportIssuedOn, "report_issued_on", v, today, enquiry.Record.ReceivedOn);
        }
        v.Require(request.Note.Length <= 4000, "note", "must be at most 4000 characters");
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        enquiry.RecordDecision(
            new FinalDecision(request.Decision, decidedOn!.Value, request.ClosureReason, request.HasInjustice ? request.Injustice : null,
                request.SatisfactoryRemedy, issuedOn, [.. request.HousingFindings]),
            request.Note, EnquiryMapping.ToColumns(request.Document), Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    private const int MaxHousingFindings = 20;

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> AgreeRecommendation(AgreeRecommendationRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        RequireKnown(request.Type, "type", v);
        v.NotBlank(request.Description, "description", 4000);
        v.Require(request.AmountPence >= 0, "amount_pence", "must not be negative");
        if (request.Type == RecommendationType.Financial)
        {
            v.Require(request.AmountPence > 0, "amount_pence", "is required for a FINANCIAL recommendation (in pence)");
        }
        else
        {
            v.Require(request.AmountPence == 0, "amount_pence", "is given only for a FINANCIAL recommendation");
        }
        var agreedOn = Happened(request.AgreedOn, "agreed_on", v, today, enquiry.Record.DecidedOn ?? enquiry.Record.ReceivedOn);
        var dueOn = Read(request.DueOn, "due_on", v);
        if (dueOn < agreedOn)
        {
            v.Add("due_on", "must not be before the recommendation was agreed");
        }
        v.ThrowIfInvalid();
        enquiry.AgreeRecommendation(request.Type, request.Description, request.AmountPence, agreedOn!.Value, dueOn!.Value, Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> CompleteRecommendation(CompleteRecommendationRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var target = Guid.TryParse(request.RecommendationId, out var id) ? enquiry.Record.Recommendations.FirstOrDefault(r => r.Id == id) : null;
        v.Require(target is not null, "recommendation_id", "is not a recommendation of this enquiry");
        var completedOn = Happened(request.CompletedOn, "completed_on", v, today, target?.AgreedOn ?? enquiry.Record.ReceivedOn);
        v.NotBlank(request.Evidence, "evidence", 4000);
        ValidateDocument(request.EvidenceDocument, "evidence_document", v);
        v.ThrowIfInvalid();
        enquiry.CompleteRecommendation(target!.Id, completedOn!.Value, request.Evidence, EnquiryMapping.ToColumns(request.EvidenceDocument), today);
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordOrder(RecordOrderRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        RequireKnown(request.Type, "type", v);
        v.NotBlank(request.Description, "description", 4000);
        v.Require(request.AmountPence >= 0, "amount_pence", "must not be negative");
        if (request.Type == RecommendationType.Financial)
        {
            v.Require(request.AmountPence > 0, "amount_pence", "is required for a FINANCIAL order (in pence)");
        }
        else
        {
            v.Require(request.AmountPence == 0, "amount_pence", "is given only for a FINANCIAL order");
        }
        var orderedOn = Happened(request.OrderedOn, "ordered_on", v, today, enquiry.Record.DecidedOn ?? enquiry.Record.ReceivedOn);
        var dueOn = Read(request.ComplianceDueOn, "compliance_due_on", v);
        if (dueOn < orderedOn)
        {
            v.Add("compliance_due_on", "must not be before the order was made");
        }
        v.ThrowIfInvalid();
        enquiry.MakeOrder(request.Type, request.Description, request.AmountPence, orderedOn!.Value, dueOn!.Value, Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> CompleteOrder(CompleteOrderRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var target = Guid.TryParse(request.OrderId, out var id) ? enquiry.Record.Orders.FirstOrDefault(o => o.Id == id) : null;
        v.Require(target is not null, "order_id", "is not an order of this enquiry");
        var completedOn = Happened(request.CompletedOn, "completed_on", v, today, target?.OrderedOn ?? enquiry.Record.ReceivedOn);
        v.NotBlank(request.Evidence, "evidence", 4000);
        ValidateDocument(request.EvidenceDocument, "evidence_document", v);
        v.ThrowIfInvalid();
        enquiry.CompleteOrder(target!.Id, completedOn!.Value, request.Evidence, EnquiryMapping.ToColumns(request.EvidenceDocument));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordPublicInterestResponse(RecordPublicInterestResponseRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        v.Require(request.Step is DeadlineKind.PublicNotice or DeadlineKind.PublicInterestResponse, "step",
            "must be PUBLIC_NOTICE or PUBLIC_INTEREST_RESPONSE");
        var doneOn = Happened(request.DoneOn, "done_on", v, today, enquiry.Record.ReportIssuedOn ?? enquiry.Record.ReceivedOn);
        v.ThrowIfInvalid();
        enquiry.RecordPublicInterestStep(request.Step, doneOn!.Value);
        return await SaveAsync(enquiry, calendar, today, context);
    }
}
