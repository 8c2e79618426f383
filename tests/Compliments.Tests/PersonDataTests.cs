using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.Council;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>Subject access and the read audit: a person's own compliments, once, and every read of them.</summary>
public sealed class PersonDataTests : IAsyncLifetime
{
    private ComplimentsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ComplimentsHost.StartAsync();
        _host.Intake.Publish(Triaged("contact-1", "person-1"));
        _host.Intake.Publish(Triaged("contact-2", "person-2"));
        await _host.WaitForFeedAsync("intake", 2);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ContactTriaged Triaged(string contactId, string personId) => new()
    {
        ContactId = contactId, Reference = "CON-" + contactId, PersonId = personId, Decision = TriageDecision.Compliment,
        ServiceAreaId = Libraries, Kind = ContactKind.Compliment, Channel = Channel.Letter,
        ReceivedAt = Timestamp.FromDateTime(new DateTime(2025, 6, 30, 9, 0, 0, DateTimeKind.Utc)),
        TriagedAt = Timestamp.FromDateTime(new DateTime(2025, 7, 2, 10, 0, 0, DateTimeKind.Utc)),
        TriagedBy = "team-officer",
    };

    private PersonData.PersonDataClient AsService(string service) => new(_host.CreateChannel(TestIdentity.ServiceToken(service)));

    private static PersonKeys Person1 => new() { PersonIds = { "person-1" }, ContactIds = { "contact-1" }, RequestedBy = "officer-sen-01" };

    [Fact]
    public async Task Intake_gathers_the_persons_own_compliment_once_and_every_read_of_it_is_in_the_access_log()
    {
        var records = (await AsService("intake").GatherRecordsAsync(Person1)).Records;
        var compliment = Assert.Single(records);
        Assert.Equal(("compliment", "CON-contact-1", "contact:contact-1"), (compliment.Kind, compliment.Reference, compliment.PartOf));

        await _host.Team().GetComplimentAsync(new GetComplimentRequest { ComplimentId = compliment.Id });
        var log = (await AsService("intake").QueryAccessAsync(new AccessQuery { Person = Person1 })).Entries;
        Assert.Equal(2, log.Count);
        Assert.Contains(log, e => e.OfficerId == "officer-sen-01" && e.Action == "SubjectAccess" && e.PersonId == "person-1");
        Assert.Contains(log, e => e.Action == "GetCompliment" && e.RecordId == compliment.Id && e.Allowed);
        var others = await _host.WithDbAsync(db => db.Compliments.AsNoTracking().Where(c => c.PersonId == "person-2").Select(c => c.Id.ToString()).SingleAsync());
        Assert.DoesNotContain(log, e => e.RecordId == others);
    }

    [Fact]
    public async Task Another_service_may_not_gather_a_persons_compliments()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => AsService("reporting").GatherRecordsAsync(Person1).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}
