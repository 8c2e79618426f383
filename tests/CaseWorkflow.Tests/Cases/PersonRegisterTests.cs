using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

public sealed class PersonRegisterTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public async Task A_persons_adjustments_and_active_restrictions_from_Intake_show_on_their_cases()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);

        await DeliverAsync(new Intake.V1.PersonAdjustmentsChanged { PersonId = c.PersonId, AdjustmentCodes = { "LARGE_PRINT" }, ChangedAt = now });
        await DeliverAsync(new Intake.V1.PersonRestrictionChanged
        {
            PersonId = c.PersonId, RestrictionId = "r-1", RestrictionCode = "WRITTEN_CONTACT_ONLY", Active = true, ChangedAt = now,
        });
        await DeliverAsync(new Intake.V1.PersonRestrictionChanged
        {
            PersonId = c.PersonId, RestrictionId = "r-2", RestrictionCode = "LIMITED_CALLS", Active = true, ChangedAt = now,
        });
        await DeliverAsync(new Intake.V1.PersonRestrictionChanged
        {
            PersonId = c.PersonId, RestrictionId = "r-2", RestrictionCode = "LIMITED_CALLS", Active = false, ChangedAt = now,
        });

        var seen = await fx.Team.GetCaseAsync(new GetCaseRequest { CaseId = c.Id });
        Assert.Equal(["LARGE_PRINT"], seen.PersonAdjustmentCodes);
        Assert.Equal(["WRITTEN_CONTACT_ONLY"], seen.PersonRestrictionCodes);
    }

    private async Task DeliverAsync(Google.Protobuf.IMessage message)
    {
        await using var scope = fx.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CaseWorkflowDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<Events.IntakeEventsHandler>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await handler.HandleAsync(db, new Common.V1.FeedEvent { EventId = Guid.NewGuid().ToString(), Payload = Any.Pack(message) }, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
