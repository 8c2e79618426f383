using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;
using static ComplaintsPlatform.OmbudsmanLiaison.Tests.EnquiryJourneyTests;
using Client = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using PersonData = ComplaintsPlatform.Ombudsman.V1.PersonData;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>Subject access and the read audit: what Intake gathers about a person's cases, and every read of an enquiry, allowed or refused.</summary>
public sealed class PersonDataTests : IAsyncLifetime
{
    private OmbudsmanHost _host = null!;
    private Enquiry _mine = null!;
    private Enquiry _theirs = null!;

    public async Task InitializeAsync()
    {
        _host = await OmbudsmanHost.StartAsync();
        _host.CaseWorkflow.Cases["CMP-1"] = new FoundCase { CaseId = "case-1", Reference = "CMP-1", DirectorateId = "adults" };
        _host.CaseWorkflow.Cases["CMP-2"] = new FoundCase { CaseId = "case-2", Reference = "CMP-2", DirectorateId = "adults" };
        _mine = await Register("CMP-1", "25 000 101", "Mine: the visits stopped");
        _theirs = await Register("CMP-2", "25 000 102", "Theirs: a different person");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Enquiry> Register(string caseReference, string reference, string summary) =>
        Client(Roles.LinkOfficer).RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = reference, ReceivedOn = D(2025, 6, 2), DirectorateId = "adults",
            CaseReference = caseReference, Summary = summary,
        }).ResponseAsync;

    private Client Client(string role, string subject = "officer-9", string? directorate = null) =>
        new(_host.CreateChannel(TestIdentity.Token(role, subject, directorate: directorate)));

    private PersonData.PersonDataClient AsService(string service) => new(_host.CreateChannel(TestIdentity.ServiceToken(service)));

    private static PersonKeys Keys(params string[] caseIds) => new() { PersonIds = { "person-1" }, CaseIds = { caseIds }, RequestedBy = "officer-sen-01" };

    [Fact]
    public async Task Intake_gathers_the_enquiries_about_the_persons_cases_only_with_their_summaries_flagged_and_the_gathering_audited()
    {
        var records = (await AsService("intake").GatherRecordsAsync(Keys("case-1"))).Records;

        var enquiry = Assert.Single(records, r => r.Kind == "ombudsman_enquiry");
        Assert.Equal(_mine.Id, enquiry.Id);
        Assert.Equal("case:case-1", enquiry.PartOf);
        Assert.Contains(enquiry.Fields, f => f.Label == "Summary" && f.Value == "Mine: the visits stopped" && f.MayNameOthers);
        Assert.DoesNotContain(records, r => r.Id == _theirs.Id || r.Fields.Any(f => f.Value.Contains("Theirs", StringComparison.Ordinal)));

        var log = (await AsService("intake").QueryAccessAsync(new AccessQuery { Person = Keys("case-1") })).Entries;
        var gathered = Assert.Single(log);
        Assert.Equal(("officer-sen-01", "SubjectAccess", _mine.Id, "service:intake", true),
            (gathered.OfficerId, gathered.Action, gathered.RecordId, gathered.Role, gathered.Allowed));
    }

    [Fact]
    public async Task Every_read_of_an_enquiry_is_audited_a_refused_one_too_and_can_be_found_by_officer()
    {
        await Client(Roles.LinkOfficer, "officer-lo-01").GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = _mine.Id });
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client(Roles.ServiceLead, "lead-et", "environment-transport").GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = _mine.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var log = (await AsService("intake").QueryAccessAsync(new AccessQuery { Person = Keys("case-1") })).Entries;
        Assert.Contains(log, e => e.OfficerId == "officer-lo-01" && e.Action == "GetEnquiry" && e.Allowed && e.RecordKind == "ombudsman_enquiry");
        Assert.Contains(log, e => e.OfficerId == "lead-et" && e.Action == "GetEnquiry" && !e.Allowed);
        var byOfficer = (await AsService("intake").QueryAccessAsync(new AccessQuery { OfficerId = "lead-et" })).Entries;
        Assert.All(byOfficer, e => Assert.Equal("lead-et", e.OfficerId));
        Assert.Single(byOfficer);
    }

    [Fact]
    public async Task Only_the_intake_service_may_gather_or_query_and_officers_never()
    {
        foreach (var call in new Func<Task>[]
        {
            () => AsService("caseworkflow").GatherRecordsAsync(Keys("case-1")).ResponseAsync,
            () => AsService("reporting").QueryAccessAsync(new AccessQuery()).ResponseAsync,
            () => new PersonData.PersonDataClient(_host.CreateChannel(TestIdentity.Token(Roles.LinkOfficer, "officer-lo-01"))).GatherRecordsAsync(Keys("case-1")).ResponseAsync,
        })
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }
    }
}
