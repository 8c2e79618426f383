using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

public sealed class IntakeFeedTests : IAsyncLifetime
{
    private ComplimentsHost _host = null!;

    public async Task InitializeAsync() => _host = await ComplimentsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ContactTriaged Triaged(string contactId, TriageDecision decision) => new()
    {
        ContactId = contactId,
        Reference = "CON-" + contactId,
        PersonId = "person-1",
        Decision = decision,
        ServiceAreaId = Libraries,
        Kind = ContactKind.Compliment,
        Channel = Channel.Letter,
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        ReceivedAt = Timestamp.FromDateTime(new DateTime(2025, 6, 30, 23, 30, 0, DateTimeKind.Utc)),
        TriagedAt = Timestamp.FromDateTime(new DateTime(2025, 7, 2, 10, 0, 0, DateTimeKind.Utc)),
        TriagedBy = "team-officer",
    };

    [Fact]
    public async Task A_contact_triaged_as_a_compliment_is_recorded_once_though_the_event_is_delivered_twice()
    {
        var first = _host.Intake.Publish(Triaged("contact-7", TriageDecision.Compliment));
        _host.Intake.Publish(Triaged("contact-7", TriageDecision.Compliment), Guid.Parse(first.EventId)); // redelivery
        _host.Intake.Publish(Triaged("contact-7", TriageDecision.Compliment)); // Intake triaging the same contact again
        _host.Intake.Publish(Triaged("contact-8", TriageDecision.Complaint)); // not a compliment

        await _host.WaitForFeedAsync("intake", 4);

        var stored = await _host.WithDbAsync(db => db.Compliments.AsNoTracking().ToListAsync());
        var compliment = Assert.Single(stored);
        Assert.Equal(("contact-7", "CON-contact-7", Libraries), (compliment.ContactId, compliment.ContactReference, compliment.ServiceAreaId));
        Assert.Equal(new DateOnly(2025, 7, 1), compliment.ReceivedOn);
        Assert.Equal(ComplimentSource.IntakeTriage, compliment.Source);
        Assert.Equal(Giver.MemberOfPublic, compliment.Giver);
        Assert.Null(compliment.Words);
        var announced = Assert.Single(await _host.OutboxAsync<ComplimentRecorded>());
        Assert.Equal("contact-7", announced.ContactId);
    }
}
