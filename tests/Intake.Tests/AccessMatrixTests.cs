using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>Every Intake RPC answers every principal as tests/AccessMatrix/access-matrix.csv says.</summary>
public sealed class AccessMatrixTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Fact]
    public Task Every_rpc_answers_every_principal_as_the_access_matrix_says() => AccessMatrix.VerifyAsync("intake",
        ["complaints.intake.v1.Intake", "complaints.intake.v1.PublicIntake", "complaints.intake.v1.Registers", "complaints.intake.v1.IntakeImport", "complaints.intake.v1.Retention", "complaints.intake.v1.SubjectAccess", "complaints.common.v1.EventFeed"],
        fixture.Host.CreateChannel(),
        principal => Task.FromResult(AccessMatrix.TestCredentials(principal)),
        role => Task.FromResult<Metadata?>(AccessMatrix.Bearer(TestIdentity.Issue("", [role]))));

    [Fact]
    public Task No_rpc_accepts_text_over_the_platforms_ceiling() => AccessMatrix.VerifyTextLimitsAsync("intake",
        fixture.Host.CreateChannel(), principal => Task.FromResult(AccessMatrix.TestCredentials(principal)));
}
