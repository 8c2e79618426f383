using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// The Housing Ombudsman's orders, kept apart from its recommendations: an order follows a finding of
/// fault and must be complied with by its compliance date; compliance is recorded as for a recommendation.
/// </summary>
public sealed partial class Enquiry
{
    private static readonly HashSet<HousingDetermination> s_fault =
        [HousingDetermination.SevereMaladministration, HousingDetermination.Maladministration, HousingDetermination.ServiceFailure];

    public OrderRecord MakeOrder(RecommendationType type, string description, long amountPence, DateOnly orderedOn, DateOnly complianceDueOn,
        Actor actor, bool imported = false)
    {
        RequireOrderable();
        if (orderedOn < Record.DecidedOn)
        {
            throw new RuleViolationException($"An order comes with the determination of {Record.DecidedOn:yyyy-MM-dd} or after it.");
        }
        var order = new OrderRecord
        {
            Id = Guid.CreateVersion7(),
            EnquiryId = Record.Id,
            Type = type,
            Description = description,
            AmountPence = amountPence,
            OrderedOn = orderedOn,
            ComplianceDueOn = complianceDueOn,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        };
        Record.Orders.Add(order);
        _added.Add(order);
        Raise(new OrderMade
        {
            EnquiryId = Record.Id.ToString(),
            OrderId = order.Id.ToString(),
            Type = type,
            AmountPence = amountPence,
            OrderedOn = ToProto(orderedOn),
            ComplianceDueOn = ToProto(complianceDueOn),
            DirectorateId = Record.DirectorateId,
            Imported = imported,
        });
        return order;
    }

    /// <summary>Says no to an order on an LGSCO enquiry, or on one without a finding of fault.</summary>
    public void RequireOrderable()
    {
        if (Record.Ombudsman != V1Ombudsman.Housing)
        {
            throw new RuleViolationException("Orders are the Housing Ombudsman's; the LGSCO makes recommendations.");
        }
        if (!Record.HousingFindings.Any(f => s_fault.Contains(f.Determination)))
        {
            throw new RuleViolationException("The Housing Ombudsman orders a remedy after a finding of severe maladministration, maladministration or service failure; "
                + (Record.IsDecided ? "this determination has none." : "record the determination first."));
        }
    }

    /// <summary>An order complied with, once: late when after its compliance date.</summary>
    public void CompleteOrder(Guid orderId, DateOnly completedOn, string? evidence, DocumentColumns evidenceDocument, bool imported = false)
    {
        var order = Record.Orders.FirstOrDefault(o => o.Id == orderId) ?? throw new NotFoundException($"Order {orderId}");
        if (order.CompletedOn is not null)
        {
            throw new RuleViolationException($"This order was complied with on {order.CompletedOn:yyyy-MM-dd}.");
        }
        order.CompletedOn = completedOn;
        order.Evidence = evidence;
        order.EvidenceDocument = evidenceDocument;
        order.Late = completedOn > order.ComplianceDueOn;
        Raise(new OrderCompleted
        {
            EnquiryId = Record.Id.ToString(),
            OrderId = order.Id.ToString(),
            Type = order.Type,
            AmountPence = order.AmountPence,
            ComplianceDueOn = ToProto(order.ComplianceDueOn),
            CompletedOn = ToProto(completedOn),
            Late = order.Late,
            DirectorateId = Record.DirectorateId,
            Imported = imported,
        });
    }
}
