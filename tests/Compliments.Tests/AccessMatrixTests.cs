using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>Every Compliments RPC answers every principal as tests/AccessMatrix/access-matrix.csv says.</summary>
public sealed class AccessMatrixTests(TwoCompliments fixture) : IClassFixture<TwoCompliments>
{
    [Fact]
    public Task Every_rpc_answers_every_principal_as_the_access_matrix_says() => AccessMatrix.VerifyAsync("compliments",
        ["complaints.compliments.v1.Compliments", "complaints.compliments.v1.ComplimentsImport", "complaints.compliments.v1.Retention", "complaints.compliments.v1.PersonData", "complaints.common.v1.EventFeed"],
        fixture.Host.CreateChannel(),
        principal => Task.FromResult(AccessMatrix.TestCredentials(principal)),
        role => Task.FromResult<Metadata?>(AccessMatrix.Bearer(TestIdentity.Issue("", [role]))));

    [Fact]
    public Task No_rpc_accepts_text_over_the_platforms_ceiling() => AccessMatrix.VerifyTextLimitsAsync("compliments",
        fixture.Host.CreateChannel(), principal => Task.FromResult(AccessMatrix.TestCredentials(principal)));
}
