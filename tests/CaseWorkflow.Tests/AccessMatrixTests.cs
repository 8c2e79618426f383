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
            "complaints.caseworkflow.v1.Cases", "complaints.caseworkflow.v1.CaseInternal", "complaints.caseworkflow.v1.Procedures",
            "complaints.caseworkflow.v1.CaseImport", "complaints.caseworkflow.v1.OfficerWork", "complaints.caseworkflow.v1.CouncilDirectory",
            "complaints.caseworkflow.v1.CaseLookup", "complaints.caseworkflow.v1.StatutoryProcedures", "complaints.calendar.v1.Calendar",
            "complaints.common.v1.EventFeed",
        ],
        fx.Host.CreateChannel(),
        principal => Task.FromResult(AccessMatrix.TestCredentials(principal)),
        role => Task.FromResult<Metadata?>(AccessMatrix.Bearer(TestIdentity.Issue("", [role]))));
}
