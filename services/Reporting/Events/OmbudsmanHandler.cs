using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Events;

/// <summary>OmbudsmanLiaison's feed: enquiries for the stage funnel (its own tables are "Reporting 2").</summary>
public sealed class OmbudsmanHandler : IFeedBatchHandler<ReportingDbContext>
{
    // Counter changes of every event in the consumer's transaction, merged and upserted once before it commits.
    private readonly CounterBatch _counters = new();

    public Task BeforeCommitAsync(ReportingDbContext db, CancellationToken ct) => _counters.FlushAsync(db, ct);

    public async Task HandleAsync(ReportingDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (!evt.Payload.TryUnpack<EnquiryReceived>(out var enquiry))
        {
            return;
        }
        var batch = _counters;
        var on = enquiry.ReceivedOn.ToDateOnly();
        // The enquiry names a directorate only; its date is used for both bases so a replay of this
        // feed alone gives the same counts whatever order the other feeds replay in.
        batch.Both(new CounterKey(Metrics.Ombudsman, 0, default, "", enquiry.DirectorateId, "", 0, 0, 0, 0, enquiry.Ombudsman.ToString()), on, on);
    }
}
