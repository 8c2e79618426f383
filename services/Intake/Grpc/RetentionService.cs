using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Retention;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>Intake's retention job on demand, and its runs.</summary>
[Authorize(Roles = RetentionRegistration.Readers)]
public sealed class RetentionService(RetentionRunner<IntakeDbContext> runner, IHostEnvironment environment, TimeProvider clock) : V1.Retention.RetentionBase
{
    public override Task<RetentionRun> RunRetention(RunRetentionRequest request, ServerCallContext context) =>
        runner.RunOnDemandAsync(request, environment, clock, context);

    public override Task<ListRetentionRunsReply> ListRetentionRuns(ListRetentionRunsRequest request, ServerCallContext context) =>
        runner.ListAsync(request, context.CancellationToken);
}
