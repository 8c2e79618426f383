using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Retention;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.Compliments.Tests.Council;
using Date = Google.Type.Date;
using RetentionClient = ComplaintsPlatform.Compliments.V1.Retention.RetentionClient;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>Compliments' retention job: the schedule from CaseWorkflow's feed, legal holds, approved erasures and the as_of guard.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private const string Marker = "ZQXMARKER-compliment-words";

    private ComplimentsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ComplimentsHost.StartAsync();
        var withSchedule = Council.Configuration.Clone();
        withSchedule.Version = 2;
        withSchedule.Retention = new RetentionRules { Rules = { RetentionSchedule.Complete([]) } };
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Publish(withSchedule).Position);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RetentionClient Jobs(string role = Roles.DataProtectionOfficer) =>
        new(_host.CreateChannel(TestIdentity.Token(role, "dpo-1")));

    private static RunRetentionRequest AsOf(int year, int month, int day) => new() { AsOf = Day(year, month, day) };

    private async Task<V1.Compliment> RecordAsync(Date receivedOn)
    {
        var request = FromThePublic(receivedOn: receivedOn);
        request.Words = Marker + " thank you";
        var recorded = await _host.Team().RecordComplimentAsync(request);
        return await _host.Team().SetQuoteConsentAsync(new SetQuoteConsentRequest
        {
            ComplimentId = recorded.ComplimentId, ConsentToQuote = true, QuotableText = Marker + " quotable",
        });
    }

    private Task<Domain.Compliment> StoredAsync(string id) =>
        _host.WithDbAsync(db => db.Compliments.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(id)));

    [Fact]
    public async Task A_compliment_is_anonymised_36_months_after_receipt_and_only_its_id_goes_on_the_feed()
    {
        var compliment = await RecordAsync(Day(2019, 1, 10));

        var early = await Jobs().RunRetentionAsync(AsOf(2022, 1, 9));
        var due = await Jobs().RunRetentionAsync(AsOf(2022, 1, 10));

        Assert.Empty(early.Removed);
        var removed = Assert.Single(due.Removed);
        Assert.Equal((RetentionKind.Compliment, RetentionAction.Anonymise, compliment.ComplimentId), (removed.Kind, removed.Action, removed.RecordId));
        var stored = await StoredAsync(compliment.ComplimentId);
        Assert.Null(stored.Words);
        Assert.Null(stored.QuotableText);
        Assert.False(stored.ConsentToQuote);
        Assert.Equal((Highways, HighwaysNorth, new DateOnly(2019, 1, 10)), (stored.ServiceAreaId, stored.TeamId, stored.ReceivedOn));
        var announced = Assert.Single(await _host.OutboxAsync<PersonalDataRemoved>());
        Assert.Equal([compliment.ComplimentId], announced.RecordIds);
        Assert.DoesNotContain(Marker, string.Join("", (await _host.OutboxAsync()).Select(a => a.ToString())));
    }

    [Fact]
    public async Task Running_again_removes_nothing_more_and_every_run_is_listed_with_its_counts()
    {
        await RecordAsync(Day(2019, 1, 10));
        await RecordAsync(Day(2019, 2, 10));

        var first = await Jobs().RunRetentionAsync(AsOf(2022, 3, 1));
        var second = await Jobs(Roles.ComplaintsTeam).RunRetentionAsync(AsOf(2022, 3, 1));

        Assert.Equal(2, first.Counts.Single(c => c.Kind == RetentionKind.Compliment).Count);
        Assert.Empty(second.Removed);
        Assert.Single(await _host.OutboxAsync<PersonalDataRemoved>());
        var runs = await Jobs().ListRetentionRunsAsync(new ListRetentionRunsRequest { WithRemoved = true });
        Assert.Equal([second.RunId, first.RunId], runs.Runs.Select(r => r.RunId));
        Assert.Equal(2, runs.Runs[1].Removed.Count);
        Assert.All(runs.Runs, r => Assert.Equal(RetentionRunTrigger.OnDemand, r.Trigger));
        Assert.Equal("dpo-1", runs.Runs[1].RequestedBy);
    }

    [Fact]
    public async Task A_legal_hold_on_the_person_keeps_their_compliment_until_it_is_released()
    {
        _host.Intake.Publish(new ContactTriaged
        {
            ContactId = "contact-held", Reference = "CON-1", PersonId = "person-held", Decision = TriageDecision.Compliment,
            ServiceAreaId = Libraries, Kind = ContactKind.Compliment, Channel = Intake.V1.Channel.Letter,
            ReceivedAt = Timestamp.FromDateTime(new DateTime(2019, 3, 1, 10, 0, 0, DateTimeKind.Utc)),
            TriagedAt = Timestamp.FromDateTime(new DateTime(2019, 3, 2, 10, 0, 0, DateTimeKind.Utc)), TriagedBy = "team-officer",
        });
        await _host.WaitForFeedAsync("intake", _host.Intake.Head);
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Publish(new LegalHoldChanged { HoldId = "hold-1", Active = true, PersonId = "person-held" }).Position);

        var held = await Jobs().RunRetentionAsync(AsOf(2026, 1, 1));
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Publish(new LegalHoldChanged { HoldId = "hold-1", Active = false }).Position);
        var released = await Jobs().RunRetentionAsync(AsOf(2026, 1, 1));

        Assert.Empty(held.Removed);
        Assert.Equal(1, held.Counts.Single(c => c.Kind == RetentionKind.Compliment).Held);
        var removedId = Guid.Parse(Assert.Single(released.Removed).RecordId);
        Assert.Equal("contact-held", await _host.WithDbAsync(db => db.Compliments.Where(c => c.Id == removedId).Select(c => c.ContactId).SingleAsync()));
    }

    [Fact]
    public async Task An_approved_erasure_anonymises_the_persons_compliment_at_once_whatever_the_schedule()
    {
        _host.Intake.Publish(new ContactTriaged
        {
            ContactId = "contact-erase", Reference = "CON-2", PersonId = "person-erase", Decision = TriageDecision.Compliment,
            ServiceAreaId = Libraries, Kind = ContactKind.Compliment, Channel = Intake.V1.Channel.Letter,
            ReceivedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-3)), TriagedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-2)),
            TriagedBy = "team-officer",
        });
        await _host.WaitForFeedAsync("intake", _host.Intake.Head);

        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Publish(new ErasureApproved { RequestId = "request-1", PersonId = "person-erase" }).Position);

        var run = Assert.Single((await Jobs().ListRetentionRunsAsync(new ListRetentionRunsRequest { WithRemoved = true })).Runs);
        Assert.Equal((RetentionRunTrigger.ErasureRequest, "request-1"), (run.Trigger, run.ErasureRequestId));
        Assert.Single(run.Removed);
        Assert.NotNull(await _host.WithDbAsync(db => db.Compliments.Where(c => c.ContactId == "contact-erase").Select(c => c.AnonymisedAt).SingleAsync()));
        Assert.Equal("request-1", Assert.Single(await _host.OutboxAsync<PersonalDataRemoved>()).ErasureRequestId);
    }

    [Fact]
    public async Task A_newer_schedule_replaces_the_old_and_an_older_one_replayed_changes_nothing()
    {
        var longer = Council.Configuration.Clone();
        longer.Version = 3;
        longer.Retention = new RetentionRules { Rules = { RetentionSchedule.Complete([new RetentionRule { Kind = RetentionKind.Compliment, Months = 120, Action = RetentionAction.Erase }]) } };
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Publish(longer).Position);
        var older = Council.Configuration.Clone();
        older.Version = 2;
        older.Retention = new RetentionRules { Rules = { RetentionSchedule.Complete([]) } };
        await _host.WaitForFeedAsync("caseworkflow", _host.CaseWorkflow.Publish(older).Position);
        await RecordAsync(Day(2019, 1, 10));

        var afterSixYears = await Jobs().RunRetentionAsync(AsOf(2025, 1, 10));
        var afterTenYears = await Jobs().RunRetentionAsync(AsOf(2029, 1, 10));

        Assert.Empty(afterSixYears.Removed);
        Assert.Equal(RetentionAction.Erase, Assert.Single(afterTenYears.Removed).Action);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Compliments.CountAsync()));
    }

    [Fact]
    public async Task Only_the_data_protection_officer_and_the_complaints_team_run_the_job()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Jobs(Roles.Staff).RunRetentionAsync(new RunRetentionRequest()));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}

/// <summary>Compliments as it runs in a council: the job refuses to be told another day.</summary>
public sealed class RetentionInProductionTests
{
    [Fact]
    public async Task Production_refuses_a_retention_run_with_as_of_and_removes_nothing()
    {
        await using var host = await ProductionComplimentsHost.StartAsync();
        var jobs = new RetentionClient(host.CreateChannel(TestIdentity.Token(Roles.DataProtectionOfficer, "dpo-1")));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await jobs.RunRetentionAsync(new RunRetentionRequest { AsOf = Day(2099, 1, 1) }));
        var today = await jobs.RunRetentionAsync(new RunRetentionRequest());

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("only in Development or Testing", ex.Status.Detail);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), new DateOnly(today.AsOf.Year, today.AsOf.Month, today.AsOf.Day));
        Assert.Single((await jobs.ListRetentionRunsAsync(new ListRetentionRunsRequest())).Runs);
    }

    private sealed class ProductionComplimentsHost(TestDatabase database, TestRedis redis) : ServiceFactory<Program>(database, redis)
    {
        public static async Task<ProductionComplimentsHost> StartAsync()
        {
            var infra = await Infrastructure.GetAsync();
            var host = new ProductionComplimentsHost(await infra.Postgres.CreateDatabaseAsync(), infra.Redis);
            host.Settings["Feeds:intake:Address"] = "http://localhost:1";
            host.Settings["Feeds:caseworkflow:Address"] = "http://localhost:1";
            _ = host.Server;
            return host;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
