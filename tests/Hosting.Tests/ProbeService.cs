using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Hosting.Tests.Probe;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace ComplaintsPlatform.Hosting.Tests;

internal sealed class ProbeService(NpgsqlDataSource dataSource) : Probe.Probe.ProbeBase
{
    public override Task<FailReply> Fail(FailRequest request, ServerCallContext context) => request.Kind switch
    {
        "validation" => throw new ValidationException(
            [new FieldViolation("contact.email", "is not an email address"), new FieldViolation("received_on", "is in the future")]),
        "rule" => throw new RuleViolationException("Stage 2 needs a handler other than the Stage 1 handler."),
        "not-found" => throw new NotFoundException("Case CP-2026-000001"),
        "exists" => throw new AlreadyExistsException("Enquiry 24 001 234"),
        "denied" => throw new AccessDeniedException("The case is not allocated to you or your team."),
        "bug" => throw new InvalidOperationException("secret internal detail: jane@example.org"),
        _ => Task.FromResult(new FailReply()),
    };

    [Authorize(Roles = $"{Roles.ComplaintsTeam},{Roles.Handler}")]
    public override Task<WhoAmIReply> WhoAmI(WhoAmIRequest request, ServerCallContext context) => Task.FromResult(Reply(context));

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<WhoAmIReply> TeamOnly(WhoAmIRequest request, ServerCallContext context) => Task.FromResult(Reply(context));

    [AllowAnonymous]
    public override Task<WhoAmIReply> Public(WhoAmIRequest request, ServerCallContext context) => Task.FromResult(Reply(context));

    public override async Task<WhoAmIReply> QueryDatabase(WhoAmIRequest request, ServerCallContext context)
    {
        await using var cmd = dataSource.CreateCommand("SELECT 1");
        await cmd.ExecuteScalarAsync(context.CancellationToken);
        return Reply(context);
    }

    private static WhoAmIReply Reply(ServerCallContext context)
    {
        var caller = Caller.From(context);
        return new WhoAmIReply
        {
            Subject = caller.Subject,
            Roles = { caller.Roles },
            Team = caller.Team ?? "",
            Directorate = caller.Directorate ?? "",
            ServiceName = caller.ServiceName ?? "",
        };
    }
}
