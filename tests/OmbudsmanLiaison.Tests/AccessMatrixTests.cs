using ComplaintsPlatform.TestInfrastructure;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>Every OmbudsmanLiaison RPC answers every principal as tests/AccessMatrix/access-matrix.csv says.</summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync() => _host = await OmbudsmanHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task Every_rpc_answers_every_principal_as_the_access_matrix_says() => AccessMatrix.VerifyAsync("ombudsman",
        ["complaints.ombudsman.v1.OmbudsmanLiaison", "complaints.ombudsman.v1.OmbudsmanImport", "complaints.ombudsman.v1.Retention", "complaints.ombudsman.v1.PersonData", "complaints.common.v1.EventFeed"],
        _host.CreateChannel(),
        principal => Task.FromResult(AccessMatrix.TestCredentials(principal)),
        role => Task.FromResult<Metadata?>(AccessMatrix.Bearer(TestIdentity.Issue("", [role]))));

    [Fact]
    public Task No_rpc_accepts_text_over_the_platforms_ceiling() => AccessMatrix.VerifyTextLimitsAsync("ombudsman",
        _host.CreateChannel(), principal => Task.FromResult(AccessMatrix.TestCredentials(principal)));
}
