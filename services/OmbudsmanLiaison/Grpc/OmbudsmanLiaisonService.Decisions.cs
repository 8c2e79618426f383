using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

public sealed partial class OmbudsmanLiaisonService
{
    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordDecision(RecordDecisionRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        RequireKnown(request.Decision, "decision", v);
        var decidedOn = Happened(request.DecidedOn, "decided_on", v, today, enquiry.ReceivedOn);
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
            issuedOn = request.ReportIssuedOn is null ? decidedOn : Happened(request.ReportIssuedOn, "report_issued_on", v, today, enquiry.ReceivedOn);
        }
        v.Require(request.Note.Length <= 4000, "note", "must be at most 4000 characters");
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        if (enquiry.Decision is not null)
        {
            throw new RuleViolationException($"The Ombudsman's decision is already recorded ({DomainNames<OmbudsmanDecision>.Name(enquiry.Decision.Value)}).");
        }

        enquiry.Decision = request.Decision;
        enquiry.DecidedOn = decidedOn;
        enquiry.ClosureReason = request.Decision == OmbudsmanDecision.AssessedAndClosed ? request.ClosureReason : null;
        enquiry.Injustice = request.HasInjustice ? request.Injustice : null;
        enquiry.SatisfactoryRemedy = request.SatisfactoryRemedy;
        enquiry.DecisionNote = NullIfBlank(request.Note);
        AddCorrespondence(enquiry, Direction.In, decidedOn!.Value, "Final decision: " + DomainNames<OmbudsmanDecision>.Name(request.Decision), request.Document, context);
        outbox.Add(db, new OmbudsmanDecisionRecorded
        {
            EnquiryId = enquiry.Id.ToString(),
            Ombudsman = enquiry.Ombudsman,
            CaseId = enquiry.CaseId ?? "",
            DirectorateId = enquiry.DirectorateId,
            Decision = request.Decision,
            ClosureReason = request.ClosureReason,
            Injustice = request.Injustice,
            SatisfactoryRemedy = request.SatisfactoryRemedy,
            PublicInterestReport = request.PublicInterestReport,
            DecidedOn = ToProto(decidedOn),
            ReceivedOn = ToProto(enquiry.ReceivedOn),
        });
        if (issuedOn is { } issued)
        {
            var deadlines = PublicInterestReportDeadlines.From(issued);
            enquiry.ReportIssuedOn = issued;
            enquiry.PublicNoticeDueOn = deadlines.PublicNoticeDueOn;
            enquiry.ReportAvailableUntil = deadlines.AvailableUntil;
            enquiry.ReportResponseDueOn = deadlines.ResponseDueOn;
            outbox.Add(db, new PublicInterestReportIssued
            {
                EnquiryId = enquiry.Id.ToString(),
                DirectorateId = enquiry.DirectorateId,
                IssuedOn = ToProto(issued),
                PublicNoticeDueOn = ToProto(deadlines.PublicNoticeDueOn),
                AvailableUntil = ToProto(deadlines.AvailableUntil),
                ResponseDueOn = ToProto(deadlines.ResponseDueOn),
            });
        }
        if (request.Decision == OmbudsmanDecision.Premature && enquiry.CaseId is not null)
        {
            // The complaint goes back into the council's own procedure: CaseWorkflow continues the case.
            outbox.Add(db, new ReferredBackForLocalResolution
            {
                EnquiryId = enquiry.Id.ToString(),
                CaseId = enquiry.CaseId,
                CaseReference = enquiry.CaseReference ?? "",
                DecidedOn = ToProto(decidedOn),
                Ombudsman = enquiry.Ombudsman,
                OmbudsmanReference = enquiry.OmbudsmanReference,
            });
        }
        return await SaveAsync(enquiry, calendar, today, context);
    }

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
        var agreedOn = Happened(request.AgreedOn, "agreed_on", v, today, enquiry.DecidedOn ?? enquiry.ReceivedOn);
        var dueOn = Read(request.DueOn, "due_on", v);
        if (dueOn < agreedOn)
        {
            v.Add("due_on", "must not be before the recommendation was agreed");
        }
        v.ThrowIfInvalid();
        if (enquiry.Decision != OmbudsmanDecision.Upheld)
        {
            throw new RuleViolationException("Recommendations follow an UPHELD decision; record the decision first.");
        }

        var recommendation = new RecommendationRecord
        {
            Id = Guid.CreateVersion7(),
            EnquiryId = enquiry.Id,
            Type = request.Type,
            Description = request.Description,
            AmountPence = request.AmountPence,
            AgreedOn = agreedOn!.Value,
            DueOn = dueOn!.Value,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = Caller.From(context).Subject,
        };
        enquiry.Recommendations.Add(recommendation);
        outbox.Add(db, new RecommendationAgreed
        {
            EnquiryId = enquiry.Id.ToString(),
            RecommendationId = recommendation.Id.ToString(),
            Type = recommendation.Type,
            AmountPence = recommendation.AmountPence,
            AgreedOn = ToProto(recommendation.AgreedOn),
            DueOn = ToProto(recommendation.DueOn),
            DirectorateId = enquiry.DirectorateId,
        });
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> CompleteRecommendation(CompleteRecommendationRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var target = Guid.TryParse(request.RecommendationId, out var id) ? enquiry.Recommendations.FirstOrDefault(r => r.Id == id) : null;
        v.Require(target is not null, "recommendation_id", "is not a recommendation of this enquiry");
        var completedOn = Happened(request.CompletedOn, "completed_on", v, today, target?.AgreedOn ?? enquiry.ReceivedOn);
        v.NotBlank(request.Evidence, "evidence", 4000);
        ValidateDocument(request.EvidenceDocument, "evidence_document", v);
        v.ThrowIfInvalid();
        if (target!.CompletedOn is not null)
        {
            throw new RuleViolationException($"This recommendation was completed on {target.CompletedOn:yyyy-MM-dd}.");
        }

        target.CompletedOn = completedOn;
        target.Evidence = request.Evidence;
        target.EvidenceDocument = EnquiryMapping.ToColumns(request.EvidenceDocument);
        target.Late = completedOn > target.DueOn;
        outbox.Add(db, new RecommendationCompleted
        {
            EnquiryId = enquiry.Id.ToString(),
            RecommendationId = target.Id.ToString(),
            Type = target.Type,
            AmountPence = target.AmountPence,
            DueOn = ToProto(target.DueOn),
            CompletedOn = ToProto(completedOn),
            Late = target.Late,
            Delayed = OpenDeadlines.IsDelayed(target, enquiry.DecidedOn, today),
            DirectorateId = enquiry.DirectorateId,
        });
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordPublicInterestResponse(RecordPublicInterestResponseRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        v.Require(request.Step is DeadlineKind.PublicNotice or DeadlineKind.PublicInterestResponse, "step",
            "must be PUBLIC_NOTICE or PUBLIC_INTEREST_RESPONSE");
        var doneOn = Happened(request.DoneOn, "done_on", v, today, enquiry.ReportIssuedOn ?? enquiry.ReceivedOn);
        v.ThrowIfInvalid();
        if (enquiry.ReportIssuedOn is null)
        {
            throw new RuleViolationException("No public interest report was issued on this enquiry.");
        }

        if (request.Step == DeadlineKind.PublicNotice)
        {
            enquiry.PublicNoticeGivenOn = doneOn;
            enquiry.ReportAvailableUntil = PublicInterestReportDeadlines.AvailableUntilAfterNotice(doneOn!.Value);
        }
        else
        {
            enquiry.ReportResponseSentOn = doneOn;
        }
        return await SaveAsync(enquiry, calendar, today, context);
    }
}
