using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// Remedies and learning: tracked while the case is open and after it closes, until done.
public sealed partial class Case
{
    public const string FinancialRemedy = "FINANCIAL";

    public RemedyRecord AddRemedy(string typeCode, string description, long amountPence, string ownerId, DateOnly due,
        DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        if (typeCode == FinancialRemedy ? amountPence <= 0 : amountPence != 0)
        {
            throw new RuleViolationException(typeCode == FinancialRemedy
                ? "A financial remedy needs its amount in pence."
                : "Only a financial remedy carries an amount.");
        }
        var on = When(occurredOn, rules, notBefore: ReceivedOn, what: "receipt");
        if (due < on)
        {
            throw new RuleViolationException($"A remedy cannot be due ({due:yyyy-MM-dd}) before it was agreed ({on:yyyy-MM-dd}).");
        }
        var remedy = new RemedyRecord
        {
            Id = $"remedy-{Remedies.Count + 1}",
            TypeCode = typeCode,
            Description = description,
            AmountPence = amountPence,
            OwnerId = ownerId,
            AgreedOn = on,
            Due = due,
        };
        Remedies.Add(remedy);
        Record(actor, "REMEDY_AGREED", on, $"Remedy {remedy.Id} agreed: {typeCode}" +
            (amountPence > 0 ? $" £{amountPence / 100}.{amountPence % 100:D2}" : "") + $", owner {ownerId}, due {due:yyyy-MM-dd}");
        Raise(new RemedyAgreed
        {
            Header = Header(actor, on),
            RemedyId = remedy.Id,
            TypeCode = typeCode,
            AmountPence = amountPence,
            Due = ToDate(due),
            OwnerId = ownerId,
        });
        return remedy;
    }

    public RemedyRecord CompleteRemedy(string remedyId, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        var remedy = Remedies.FirstOrDefault(r => r.Id == remedyId) ?? throw new NotFoundException($"Remedy {remedyId}");
        if (remedy.CompletedOn is { } done)
        {
            throw new RuleViolationException($"Remedy {remedyId} was already completed on {done:yyyy-MM-dd}.");
        }
        var on = When(occurredOn, rules, notBefore: remedy.AgreedOn, what: "the remedy was agreed");
        remedy.CompletedOn = on;
        var late = remedy.IsLate(rules.Today);
        Record(actor, "REMEDY_COMPLETED", on, $"Remedy {remedyId} completed" + (late ? $" late (due {remedy.Due:yyyy-MM-dd})" : ""));
        Raise(new RemedyCompleted
        {
            Header = Header(actor, on),
            RemedyId = remedy.Id,
            TypeCode = remedy.TypeCode,
            AmountPence = remedy.AmountPence,
            Due = ToDate(remedy.Due),
            Late = late,
        });
        return remedy;
    }

    public void RecordLearning(string natureCategory, string rootCause, string lessons, IReadOnlyList<LearningActionRecord> actions,
        DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        if (Stages[0].Acknowledgement is null)
        {
            throw new RuleViolationException("Learning is recorded once the complaint has been acknowledged and defined.");
        }
        var on = When(occurredOn, rules, notBefore: ReceivedOn, what: "receipt");
        if (actions.Any(a => a.DoneOn > rules.Today))
        {
            throw new RuleViolationException("A learning action cannot be done in the future.");
        }
        var learning = new LearningRecord
        {
            NatureCategory = natureCategory,
            RootCause = rootCause,
            Lessons = lessons,
            Actions = [.. actions],
            RecordedOn = on,
            RecordedBy = actor.Id,
        };
        Learning = learning;
        Record(actor, "LEARNING_RECORDED", on, $"Learning recorded: {natureCategory}, {actions.Count} actions");
        RaiseLearningRecorded(learning, actor);
    }

    // The case's learning as it now stands; raised again when imported history adds an action, so
    // readers count the action as they would one recorded live (each event replaces the last).
    private void RaiseLearningRecorded(LearningRecord learning, Actor actor) => Raise(new LearningRecorded
    {
        Header = Header(actor, learning.RecordedOn),
        NatureCategoryCode = learning.NatureCategory,
        Actions = learning.Actions.Count,
        ActionsDone = learning.Actions.Count(a => a.DoneOn is not null),
        ServiceAreaId = ServiceAreaId,
    });

    /// <summary>
    /// Lessons are reviewed by someone outside the service complained about, so teams do not mark
    /// their own homework: not a member of one of its teams, not its handler, not whoever wrote the lessons.
    /// </summary>
    public void ReviewLearning(IReadOnlySet<string> reviewerServiceAreas, string comments, DateOnly? occurredOn, CaseRules rules, Actor actor)
    {
        var learning = Learning ?? throw new RuleViolationException("There is no learning recorded to review.");
        if (learning.ReviewedBy is { Length: > 0 } reviewer)
        {
            throw new RuleViolationException($"These lessons were already reviewed by {reviewer} on {learning.ReviewedOn:yyyy-MM-dd}.");
        }
        if (reviewerServiceAreas.Contains(ServiceAreaId))
        {
            throw new RuleViolationException("Lessons must be reviewed by someone outside the service complained about.");
        }
        if (learning.RecordedBy == actor.Id || Stages.Any(s => s.HandlerIds.Contains(actor.Id)))
        {
            throw new RuleViolationException("Lessons cannot be reviewed by whoever handled the complaint or wrote them.");
        }
        var on = When(occurredOn, rules, notBefore: learning.RecordedOn, what: "the learning was recorded");
        learning.ReviewedBy = actor.Id;
        learning.ReviewedOn = on;
        learning.ReviewComments = comments;
        Record(actor, "LEARNING_REVIEWED", on, "Learning reviewed outside the service");
        Raise(new LearningReviewed { Header = Header(actor, on), ReviewerId = actor.Id });
    }
}
