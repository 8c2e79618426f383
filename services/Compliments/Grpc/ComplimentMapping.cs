using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Compliments.Domain;
using Google.Protobuf.WellKnownTypes;
using ComplimentMessage = ComplaintsPlatform.Compliments.V1.Compliment;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>A compliment as the contract gives it, and the request values read the same way by every RPC.</summary>
internal static class ComplimentMapping
{
    public static ComplimentMessage ToMessage(this Compliment c) => new()
    {
        ComplimentId = c.Id.ToString(),
        Source = c.Source,
        ContactId = c.ContactId ?? "",
        ContactReference = c.ContactReference ?? "",
        ServiceAreaId = c.ServiceAreaId,
        TeamId = c.TeamId ?? "",
        OfficerId = c.OfficerId ?? "",
        Channel = c.Channel,
        Giver = c.Giver,
        ReceivedOn = c.ReceivedOn.ToProto(),
        Words = c.Words ?? "",
        ConsentToQuote = c.ConsentToQuote,
        QuotableText = c.QuotableText ?? "",
        Status = c.Status,
        SentBackReason = c.SentBackReason ?? V1.RetriageReason.Unspecified,
        RecordedBy = c.RecordedBy,
        RecordedAt = Timestamp.FromDateTimeOffset(c.RecordedAt),
        Imported = c.Imported,
        ImportOrigin = c.ImportSourceId is null ? "" : $"{c.ImportSourceFile} line {c.ImportLine}",
    };

    public static string? NullIfEmpty(this string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static Guid ComplimentId(string value) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw new Hosting.Errors.ValidationException([new("compliment_id", "must be a compliment id (a UUID)")]);
}
