using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

public sealed class OmbudsmanLinkTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private CaseLookup.CaseLookupClient Lookup(string token) => new(fx.Host.CreateChannel(token));

    [Fact]
    public async Task The_ombudsman_service_finds_a_case_by_its_reference()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");

        var found = await Lookup(TestIdentity.ServiceToken("ombudsman")).FindCaseAsync(new FindCaseRequest { Reference = c.Reference });

        Assert.Equal(c.Id, found.CaseId);
        Assert.Equal("adults-communities", found.DirectorateId);
        Assert.Equal(V1.CaseStatus.Open, found.Status);
    }

    [Fact]
    public async Task Other_services_and_handlers_may_not_look_cases_up_and_an_unknown_reference_is_NOT_FOUND()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");

        await Refused(StatusCode.PermissionDenied, () => Lookup(TestIdentity.ServiceToken("compliments")).FindCaseAsync(new FindCaseRequest { Reference = c.Reference }).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => Lookup(TestIdentity.Token(Roles.Handler)).FindCaseAsync(new FindCaseRequest { Reference = c.Reference }).ResponseAsync);
        await Refused(StatusCode.NotFound, () => Lookup(TestIdentity.Token(Roles.LinkOfficer)).FindCaseAsync(new FindCaseRequest { Reference = "CP-1999-000001" }).ResponseAsync);
    }

    [Fact]
    public async Task A_complaint_the_Ombudsman_refers_back_as_premature_is_noted_on_its_case()
    {
        var c = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");

        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.CaseWorkflowDbContext>();
            var handler = scope.ServiceProvider.GetRequiredService<Events.OmbudsmanEventsHandler>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await handler.HandleAsync(db, new Common.V1.FeedEvent
            {
                EventId = Guid.NewGuid().ToString(),
                Payload = Google.Protobuf.WellKnownTypes.Any.Pack(new Ombudsman.V1.ReferredBackForLocalResolution
                {
                    EnquiryId = Guid.NewGuid().ToString(), CaseId = c.Id, CaseReference = c.Reference,
                    DecidedOn = D(4, 1), OmbudsmanReference = "24 001 234",
                }),
            }, CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = c.Id });
        var fact = Assert.Single(history.Facts, f => f.Kind == "REFERRED_BACK_BY_OMBUDSMAN");
        Assert.Equal(D(4, 1), fact.OccurredOn);
        Assert.Contains("24 001 234", fact.Summary);
    }
}
