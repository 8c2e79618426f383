using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf.WellKnownTypes;
using Compliment = ComplaintsPlatform.Compliments.Domain.Compliment;

namespace ComplaintsPlatform.Compliments.Events;

/// <summary>Stages this service's events in the caller's transaction: ids, codes and dates only, never the words.</summary>
public sealed class ComplimentEvents(IOutbox outbox)
{
    public void Recorded(ComplimentsDbContext db, Compliment c) => outbox.Add(db, new ComplimentRecorded
    {
        ComplimentId = c.Id.ToString(),
        Source = c.Source,
        ContactId = c.ContactId ?? "",
        ServiceAreaId = c.ServiceAreaId,
        TeamId = c.TeamId ?? "",
        OfficerId = c.OfficerId ?? "",
        Channel = c.Channel,
        Giver = c.Giver,
        ReceivedOn = c.ReceivedOn.ToProto(),
        RecordedAt = Timestamp.FromDateTimeOffset(c.RecordedAt),
        RecordedBy = c.RecordedBy,
        ConsentToQuote = c.ConsentToQuote,
        Imported = c.Imported,
    });

    public void Amended(ComplimentsDbContext db, Compliment c, string by, DateTimeOffset at) => outbox.Add(db, new ComplimentAmended
    {
        ComplimentId = c.Id.ToString(),
        ServiceAreaId = c.ServiceAreaId,
        TeamId = c.TeamId ?? "",
        OfficerId = c.OfficerId ?? "",
        AmendedAt = Timestamp.FromDateTimeOffset(at),
        AmendedBy = by,
    });

    public void QuoteConsentChanged(ComplimentsDbContext db, Compliment c) => outbox.Add(db, new QuoteConsentChanged
    {
        ComplimentId = c.Id.ToString(),
        ConsentToQuote = c.ConsentToQuote,
        ChangedAt = Timestamp.FromDateTimeOffset(c.ConsentChangedAt!.Value),
        ChangedBy = c.ConsentChangedBy ?? "",
    });

    public void SentBackToTriage(ComplimentsDbContext db, Compliment c) => outbox.Add(db, new ComplimentSentBackToTriage
    {
        ComplimentId = c.Id.ToString(),
        ContactId = c.ContactId ?? "",
        ReasonCode = ReasonCode(c.SentBackReason!.Value),
        SentBackBy = c.SentBackBy ?? "",
        SentBackAt = Timestamp.FromDateTimeOffset(c.SentBackAt!.Value),
    });

    public static string ReasonCode(RetriageReason reason) => reason switch
    {
        RetriageReason.IsComplaint => "IS_COMPLAINT",
        RetriageReason.IsServiceRequest => "IS_SERVICE_REQUEST",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
