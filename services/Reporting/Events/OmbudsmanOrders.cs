using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>
/// Housing Ombudsman orders, counted apart from recommendations: made and complied with (on time or late)
/// as counters, and kept as facts so that per-case compliance and orders outstanding or overdue are read
/// when a table is built (they depend on today as much as on events).
/// </summary>
internal static class OmbudsmanOrders
{
    public static async Task MadeAsync(ReportingDbContext db, CounterBatch batch, OrderMade e, short ombudsman, CancellationToken ct)
    {
        var on = e.OrderedOn.ToDateOnly();
        batch.Both(OmbudsmanHandler.Key(OmbudsmanMetrics.OrderMade, e.DirectorateId, e.Type.ToString(), ombudsman), on, on, 1, e.AmountPence);
        if (await db.Set<OmbudsmanOrderFact>().FindAsync([e.OrderId], ct) is null)
        {
            db.Set<OmbudsmanOrderFact>().Add(new OmbudsmanOrderFact
            {
                OrderId = e.OrderId, EnquiryId = e.EnquiryId, Ombudsman = ombudsman, DirectorateId = e.DirectorateId,
                OrderedOn = on, ComplianceDueOn = e.ComplianceDueOn.IsSet() ? e.ComplianceDueOn.ToDateOnly() : on,
            });
        }
    }

    public static async Task CompletedAsync(ReportingDbContext db, CounterBatch batch, OrderCompleted e, short ombudsman, CancellationToken ct)
    {
        var on = e.CompletedOn.ToDateOnly();
        batch.Both(OmbudsmanHandler.Key(OmbudsmanMetrics.OrderCompleted, e.DirectorateId, e.Late ? "late" : "on_time", ombudsman), on, on, 1, e.AmountPence);
        if (await db.Set<OmbudsmanOrderFact>().FindAsync([e.OrderId], ct) is { } order)
        {
            order.CompletedOn = on;
            order.Late = e.Late;
        }
    }
}
