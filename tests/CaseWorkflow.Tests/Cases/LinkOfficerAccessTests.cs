using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.CaseWorkflow.Tests.Cases.CaseHostFixture;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Cases;

/// <summary>
/// A link officer sees the Ombudsman matters and the cases behind them: a case is behind
/// one once OmbudsmanLiaison's feed says an enquiry names it; every other case is refused or left out.
/// </summary>
public sealed class LinkOfficerAccessTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    private V1.Cases.CasesClient LinkOfficer => fx.As(Roles.LinkOfficer, "officer-lo-01");

    [Fact]
    public async Task A_link_officer_reads_a_case_behind_an_enquiry_is_refused_one_without_and_the_refusal_is_audited()
    {
        var behind = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        var plain = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        await EnquiryAsync(new Ombudsman.V1.EnquiryReceived { CaseId = behind.Id, CaseReference = behind.Reference, OmbudsmanReference = "25 000 101", ReceivedOn = D(4, 1) });

        await LinkOfficer.GetCaseAsync(new GetCaseRequest { CaseId = behind.Id });
        await LinkOfficer.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = behind.Reference });
        await Refused(StatusCode.PermissionDenied, () => LinkOfficer.GetCaseAsync(new GetCaseRequest { CaseId = plain.Id }).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => LinkOfficer.FindCaseByReferenceAsync(new FindCaseByReferenceRequest { Reference = plain.Reference }).ResponseAsync);

        var trail = await fx.Team.GetAuditTrailAsync(new GetAuditTrailRequest { CaseId = plain.Id, PageSize = 200 });
        Assert.Contains(trail.Entries, e => e.OfficerId == "officer-lo-01" && e.Role == Roles.LinkOfficer && e.Action == "GetCase" && !e.Allowed);
        var history = await fx.Team.GetCaseHistoryAsync(new GetCaseRequest { CaseId = behind.Id });
        Assert.Contains("25 000 101", Assert.Single(history.Facts, f => f.Kind == "OMBUDSMAN_ENQUIRY").Summary);
    }

    [Fact]
    public async Task A_link_officer_still_looks_up_any_case_by_reference_to_log_an_enquiry_with_only_the_lookup_fields()
    {
        var plain = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");

        var found = await new CaseLookup.CaseLookupClient(fx.Host.CreateChannel(TestIdentity.Token(Roles.LinkOfficer, "officer-lo-01")))
            .FindCaseAsync(new FindCaseRequest { Reference = plain.Reference });

        Assert.Equal((plain.Id, "adults-communities", "libraries"), (found.CaseId, found.DirectorateId, found.ServiceAreaId));
    }

    [Fact]
    public async Task A_link_officers_lists_hold_only_cases_behind_enquiries_including_imported_ones_named_by_reference()
    {
        var behind = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        var byReference = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        var plain = await fx.OpenAsync(ComplaintStream.Corporate, "libraries");
        await EnquiryAsync(new Ombudsman.V1.EnquiryReceived { CaseId = behind.Id, OmbudsmanReference = "25 000 201" });
        // An imported enquiry may know the council's case reference only.
        await EnquiryAsync(new Ombudsman.V1.EnquiryReceived { CaseReference = byReference.Reference, OmbudsmanReference = "21 000 202", Imported = true });

        var listed = (await LinkOfficer.ListCasesAsync(new ListCasesRequest { PageSize = 200 })).Cases.Select(c => c.Id).ToList();

        Assert.Contains(behind.Id, listed);
        Assert.Contains(byReference.Id, listed);
        Assert.DoesNotContain(plain.Id, listed);
        var all = (await fx.Team.ListCasesAsync(new ListCasesRequest { PageSize = 200 })).Cases.Select(c => c.Id).ToList();
        Assert.Contains(plain.Id, all);
    }

    private async Task EnquiryAsync(Ombudsman.V1.EnquiryReceived enquiry)
    {
        enquiry.EnquiryId = Guid.NewGuid().ToString();
        await using var scope = fx.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CaseWorkflowDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<Events.OmbudsmanEventsHandler>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await handler.HandleAsync(db, new Common.V1.FeedEvent
        {
            EventId = Guid.NewGuid().ToString(),
            Payload = Google.Protobuf.WellKnownTypes.Any.Pack(enquiry),
        }, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
