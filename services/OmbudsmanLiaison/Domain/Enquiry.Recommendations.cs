using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

public sealed partial class Enquiry
{
    /// <summary>A recommendation the council agreed to: only after an UPHELD decision, or a Housing Ombudsman determination.</summary>
    public RecommendationRecord AgreeRecommendation(RecommendationType type, string description, long amountPence, DateOnly agreedOn, DateOnly dueOn,
        Actor actor, bool imported = false)
    {
        RequireUpheld();
        var recommendation = new RecommendationRecord
        {
            Id = Guid.CreateVersion7(),
            EnquiryId = Record.Id,
            Type = type,
            Description = description,
            AmountPence = amountPence,
            AgreedOn = agreedOn,
            DueOn = dueOn,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        };
        Record.Recommendations.Add(recommendation);
        _added.Add(recommendation);
        Raise(new RecommendationAgreed
        {
            EnquiryId = Record.Id.ToString(),
            RecommendationId = recommendation.Id.ToString(),
            Type = type,
            AmountPence = amountPence,
            AgreedOn = ToProto(agreedOn),
            DueOn = ToProto(dueOn),
            DirectorateId = Record.DirectorateId,
            Imported = imported,
        });
        return recommendation;
    }

    /// <summary>
    /// Says no to recommendations on an LGSCO enquiry whose decision is not UPHELD, or on a Housing
    /// Ombudsman enquiry not yet determined, or determined wholly outside its jurisdiction.
    /// </summary>
    public void RequireUpheld()
    {
        if (Record.Ombudsman == V1Ombudsman.Housing)
        {
            if (Record.HousingFindings.Count == 0)
            {
                throw new RuleViolationException("The Housing Ombudsman's recommendations follow its determination; record the determination first.");
            }
            if (Record.HousingFindings.All(f => f.Determination == HousingDetermination.OutsideJurisdiction))
            {
                throw new RuleViolationException("The Housing Ombudsman found the complaint outside its jurisdiction, so it makes no recommendations.");
            }
            return;
        }
        if (Record.Decision != OmbudsmanDecision.Upheld)
        {
            throw new RuleViolationException("Recommendations follow an UPHELD decision; " + (Record.Decision is { } decision
                ? $"this enquiry's is {DomainNames<OmbudsmanDecision>.Name(decision)}."
                : "record the decision first."));
        }
    }

    /// <summary>
    /// A recommendation done, once: late when after its due date, delayed when still open
    /// <see cref="OpenDeadlines.DelayedAfterMonths"/> months after the decision.
    /// </summary>
    public void CompleteRecommendation(Guid recommendationId, DateOnly completedOn, string? evidence, DocumentColumns evidenceDocument,
        DateOnly today, bool imported = false)
    {
        var recommendation = Record.Recommendations.FirstOrDefault(r => r.Id == recommendationId)
            ?? throw new NotFoundException($"Recommendation {recommendationId}");
        if (recommendation.CompletedOn is not null)
        {
            throw new RuleViolationException($"This recommendation was completed on {recommendation.CompletedOn:yyyy-MM-dd}.");
        }
        recommendation.CompletedOn = completedOn;
        recommendation.Evidence = evidence;
        recommendation.EvidenceDocument = evidenceDocument;
        recommendation.Late = completedOn > recommendation.DueOn;
        Raise(new RecommendationCompleted
        {
            EnquiryId = Record.Id.ToString(),
            RecommendationId = recommendation.Id.ToString(),
            Type = recommendation.Type,
            AmountPence = recommendation.AmountPence,
            DueOn = ToProto(recommendation.DueOn),
            CompletedOn = ToProto(completedOn),
            Late = recommendation.Late,
            Delayed = OpenDeadlines.IsDelayed(recommendation, Record.DecidedOn, today),
            DirectorateId = Record.DirectorateId,
            Imported = imported,
        });
    }
}
