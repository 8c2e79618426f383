using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Consumers;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Events;

/// <summary>
/// Intake's feed: a contact triaged as a compliment becomes one here. The inbox applies each event
/// once; a contact already recorded (Intake triaging it again) is left as it is.
/// </summary>
public sealed class IntakeFeedHandler(ComplimentEvents events, CouncilClocks clocks, TimeProvider clock) : IFeedEventHandler<ComplimentsDbContext>
{
    public async Task HandleAsync(ComplimentsDbContext db, FeedEvent evt, CancellationToken ct)
    {
        if (!evt.Payload.TryUnpack<ContactTriaged>(out var triaged) || triaged.Decision != TriageDecision.Compliment)
        {
            return;
        }
        if (await db.Compliments.AnyAsync(c => c.ContactId == triaged.ContactId, ct))
        {
            return;
        }
        var council = await db.Council.AsNoTracking().FirstOrDefaultAsync(ct) ?? new KnownCouncil();
        var receivedAt = triaged.ReceivedAt?.ToDateTimeOffset() ?? evt.RecordedAt.ToDateTimeOffset();
        var compliment = Compliment.FromTriage(
            triaged.ContactId,
            Blank(triaged.Reference),
            Blank(triaged.PersonId),
            triaged.ServiceAreaId,
            triaged.Channel,
            clocks.For(council.CalendarSettings()).LocalDate(receivedAt),
            Blank(triaged.TriagedBy) ?? "intake",
            triaged.TriagedAt?.ToDateTimeOffset() ?? clock.GetUtcNow(),
            triaged.Imported);
        db.Compliments.Add(compliment);
        events.Recorded(db, compliment);
    }

    private static string? Blank(string value) => string.IsNullOrEmpty(value) ? null : value;
}
