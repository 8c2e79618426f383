using ComplaintsPlatform.CaseWorkflow.Tests.Cases;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>Every CaseWorkflow RPC answers every principal as tests/AccessMatrix/access-matrix.csv says.</summary>
public sealed class AccessMatrixTests(CaseHostFixture fx) : IClassFixture<CaseHostFixture>
{
    [Fact]
    public Task Every_rpc_answers_every_principal_as_the_access_matrix_says() => AccessMatrix.VerifyAsync("caseworkflow",
        [
            "complaints.caseworkflow.v1.Cases", "complaints.caseworkflow.v1.CaseInternal", "complaints.caseworkflow.v1.PersonRequests",
            "complaints.caseworkflow.v1.Procedures",
            "complaints.caseworkflow.v1.CaseImport", "complaints.caseworkflow.v1.OfficerWork", "complaints.caseworkflow.v1.CouncilDirectory",
            "complaints.caseworkflow.v1.CaseLookup", "complaints.caseworkflow.v1.StatutoryProcedures", "complaints.calendar.v1.Calendar",
            "complaints.caseworkflow.v1.DataProtection", "complaints.caseworkflow.v1.Retention", "complaints.caseworkflow.v1.PersonData",
            "complaints.common.v1.EventFeed",
        ],
        fx.Host.CreateChannel(),
        principal => Task.FromResult(AccessMatrix.TestCredentials(principal)),
        role => Task.FromResult<Metadata?>(AccessMatrix.Bearer(TestIdentity.Issue("", [role]))));

    [Fact]
    public async Task On_a_real_case_each_scoped_principal_is_let_in_within_its_scope_and_refused_outside_it()
    {
        var c = await fx.ReadyAsync(V1.ComplaintStream.Corporate, "libraries", "libraries-team", "officer-lib-01");
        await fx.Handler("officer-lib-01", "libraries-team").RecordLearningAsync(new V1.RecordLearningRequest
        {
            CaseId = c.Id, NatureCategory = "DELAY_IN_RESPONSE", RootCause = "Backlog", Lessons = "Triage daily", OccurredOn = CaseHostFixture.D(3, 10),
        });
        Metadata As(string role, string subject, string? team = null, string? directorate = null) =>
            AccessMatrix.Bearer(TestIdentity.Token(role, subject, team, directorate));

        await AccessMatrix.VerifyCaseScopesAsync("caseworkflow", fx.Host.CreateChannel(), c.Id, new Dictionary<string, (Metadata, Metadata)>
        {
            ["handler"] = (As("handler", "officer-lib-02", "libraries-team"), As("handler", "officer-hwy-01", "highways-north")),
            ["service_lead"] = (As("service_lead", "lead-ac", directorate: "adults-communities"), As("service_lead", "lead-et", directorate: "environment-transport")),
        });
    }

    [Fact]
    public Task No_rpc_accepts_text_over_the_platforms_ceiling() => AccessMatrix.VerifyTextLimitsAsync("caseworkflow",
        fx.Host.CreateChannel(), principal => Task.FromResult(AccessMatrix.TestCredentials(principal)));
}
