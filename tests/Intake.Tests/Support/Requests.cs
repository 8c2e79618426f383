using ComplaintsPlatform.Intake.V1;
using Google.Protobuf.WellKnownTypes;

namespace ComplaintsPlatform.Intake.Tests.Support;

internal static class Requests
{
    private static int s_counter;

    /// <summary>A valid public submission from a person of their own (a unique email), with a unique request id.</summary>
    public static SubmitRequest Public(string? description = null, string? email = null)
    {
        var n = Interlocked.Increment(ref s_counter);
        return new SubmitRequest
        {
            ClientRequestId = Guid.NewGuid().ToString(),
            Kind = ContactKind.Complaint,
            Name = $"Alex Example {n}",
            Contact = new ContactDetails { Email = email ?? $"person-{Guid.NewGuid():N}@example.org", Phone = "07700 900123" },
            PreferredContactMethod = ContactMethod.Email,
            Description = description ?? $"The bin collection was missed again on our street, case {Guid.NewGuid():N}.",
            OutcomeSought = "Collect the bins and stop missing them.",
            HappenedOn = new Google.Type.Date { Year = 2026, Month = 10, Day = 1 },
        };
    }

    /// <summary>Logged by staff, arrived by letter some days ago.</summary>
    public static SubmitRequest ByStaff(DateTime receivedUtc, ContactKind kind = ContactKind.Complaint, Channel channel = Channel.Letter)
    {
        var r = Public();
        r.Kind = kind;
        r.Channel = channel;
        r.ReceivedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc));
        return r;
    }
}
