using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Hosting.Tests.Probe;
using ComplaintsPlatform.TestInfrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class ErrorMappingTests : IAsyncLifetime
{
    private ProbeHost _host = null!;
    private Probe.Probe.ProbeClient _client = null!;

    public async Task InitializeAsync()
    {
        var infra = await Infrastructure.GetAsync();
        _host = await ProbeHost.StartAsync(infra.Postgres.AdminConnectionString());
        _client = _host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RpcException Fail(string kind) =>
        Assert.Throws<RpcException>(() => _client.Fail(new FailRequest { Kind = kind }));

    [Fact]
    public void Validation_failures_are_INVALID_ARGUMENT_with_every_field_violation()
    {
        var ex = Fail("validation");

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["contact.email", "received_on"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("is in the future", badRequest.FieldViolations[1].Description);
    }

    [Theory]
    [InlineData("rule", StatusCode.FailedPrecondition, "Stage 2 needs a handler other than the Stage 1 handler.")]
    [InlineData("not-found", StatusCode.NotFound, "Case CP-2026-000001 was not found.")]
    [InlineData("exists", StatusCode.AlreadyExists, "Enquiry 24 001 234 already exists.")]
    [InlineData("denied", StatusCode.PermissionDenied, "The case is not allocated to you or your team.")]
    public void Domain_refusals_keep_their_reason_under_their_own_status(string kind, StatusCode expected, string message)
    {
        var ex = Fail(kind);

        Assert.Equal(expected, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
    }

    [Fact]
    public void Unknown_failures_are_INTERNAL_without_internal_detail_in_the_reply_or_the_logs()
    {
        var ex = Fail("bug");

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal("An internal error occurred.", ex.Status.Detail);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("jane@example.org"));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("InvalidOperationException"));
    }

    [Fact]
    public void A_successful_call_is_untouched()
    {
        Assert.NotNull(_client.Fail(new FailRequest { Kind = "none" }));
    }
}

public sealed class UnavailableDatabaseTests
{
    [Fact]
    public async Task A_stopped_PostgreSQL_gives_callers_UNAVAILABLE_not_INTERNAL()
    {
        // A cluster of its own: stopping the shared one would break other tests.
        await using var postgres = await TestPostgres.StartAsync();
        await using var host = await ProbeHost.StartAsync(postgres.AdminConnectionString());
        var client = host.Client(TestIdentity.Token(Roles.ComplaintsTeam));
        Assert.NotNull(await client.QueryDatabaseAsync(new WhoAmIRequest()));

        postgres.Stop();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.QueryDatabaseAsync(new WhoAmIRequest()));
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
