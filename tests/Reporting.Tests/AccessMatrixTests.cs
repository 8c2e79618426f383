using ComplaintsPlatform.Reporting.V1;
using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>Every Reporting RPC answers every principal (a live API key among them) as tests/AccessMatrix/access-matrix.csv says.</summary>
[Collection(GeneratedYearCollection.Name)]
public sealed class AccessMatrixTests(GeneratedYearFixture fixture)
{
    [Fact]
    public async Task Every_rpc_answers_every_principal_as_the_access_matrix_says()
    {
        var key = await fixture.Host.Team.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "Access matrix" });
        await AccessMatrix.VerifyAsync("reporting",
            ["complaints.reporting.v1.Reporting", "complaints.reporting.v1.ReportingDocuments"],
            fixture.Host.CreateChannel(),
            principal => Task.FromResult(AccessMatrix.TestCredentials(principal, key.Secret)),
            role => Task.FromResult<Metadata?>(AccessMatrix.Bearer(TestIdentity.Issue("", [role]))));
    }

    [Fact]
    public async Task No_rpc_accepts_text_over_the_platforms_ceiling()
    {
        var key = await fixture.Host.Team.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "Text limits" });
        await AccessMatrix.VerifyTextLimitsAsync("reporting", fixture.Host.CreateChannel(),
            principal => Task.FromResult(AccessMatrix.TestCredentials(principal, key.Secret)));
    }
}
