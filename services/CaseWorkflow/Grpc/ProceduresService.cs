using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>Procedure policies per stream: read by every role, changed by the complaints team, each change a new version.</summary>
public sealed class ProceduresService(CaseWorkflowDbContext db, CouncilState state, ConfigurationEvents events, CaseRulesSource rules) : Procedures.ProceduresBase
{
    public override async Task<ListPoliciesReply> ListPolicies(ListPoliciesRequest request, ServerCallContext context)
    {
        var timeline = await TimelineAsync(context.CancellationToken);
        return new ListPoliciesReply { Policies = { timeline.AllInForceOn(Today) } };
    }

    public override async Task<ProcedurePolicy> GetPolicy(GetPolicyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Stream != ComplaintStream.Unspecified && System.Enum.IsDefined(request.Stream), "stream", "is required and must be a known stream").ThrowIfInvalid();
        var timeline = await TimelineAsync(context.CancellationToken);
        var policy = request.Version > 0
            ? timeline.Version(request.Stream, request.Version)
            : timeline.InForceOn(request.Stream, Today);
        return policy ?? throw new NotFoundException($"Policy {request.Stream} version {request.Version}");
    }

    public override async Task<ListPoliciesReply> GetPolicyHistory(GetPolicyRequest request, ServerCallContext context)
    {
        var rows = await db.PolicyVersions.AsNoTracking()
            .Where(p => request.Stream == ComplaintStream.Unspecified || p.Stream == (int)request.Stream)
            .OrderBy(p => p.Stream).ThenBy(p => p.Version)
            .ToListAsync(context.CancellationToken);
        return new ListPoliciesReply { Policies = { rows.Select(r => ProtoJson.Read<ProcedurePolicy>(r.Document)) } };
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ProcedurePolicy> UpdatePolicy(UpdatePolicyRequest request, ServerCallContext context)
    {
        var policy = request.Policy ?? throw new ValidationException([new FieldViolation("policy", "is required")]);
        PolicyRules.Validate(policy);
        new Validator().NotBlank(request.ChangeReason, "change_reason", 2000).ThrowIfInvalid();

        var current = await db.PolicyVersions.Where(p => p.Stream == (int)policy.Stream)
            .MaxAsync(p => (int?)p.Version, context.CancellationToken) ?? 0;
        var recorded = policy.Clone();
        recorded.Version = current + 1;
        recorded.RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        recorded.RecordedBy = Caller.From(context).Subject;
        recorded.ChangeReason = request.ChangeReason;
        db.PolicyVersions.Add(new PolicyRecord
        {
            Stream = (int)recorded.Stream,
            Version = recorded.Version,
            Document = ProtoJson.Write(recorded),
            RecordedAt = recorded.RecordedAt.ToDateTimeOffset(),
            RecordedBy = recorded.RecordedBy,
            ChangeReason = recorded.ChangeReason,
        });
        events.PolicyRecorded(db, recorded);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("The policy was changed by someone else at the same moment; read it again and retry.");
        }
        await state.RefreshAsync(db, context.CancellationToken);
        return recorded;
    }

    public override async Task<CheckCodeConformanceReply> CheckCodeConformance(CheckCodeConformanceRequest request, ServerCallContext context)
    {
        IEnumerable<ProcedurePolicy> policies;
        if (request.Candidate is { } candidate)
        {
            PolicyRules.Validate(candidate, "candidate");
            new Validator().Require(CodeConformance.AppliesTo(candidate.Stream), "candidate.stream",
                "the Code applies to the CORPORATE and HOUSING streams").ThrowIfInvalid();
            policies = [candidate];
        }
        else
        {
            var timeline = await TimelineAsync(context.CancellationToken);
            policies = timeline.AllInForceOn(Today).Where(p => CodeConformance.AppliesTo(p.Stream));
        }
        var reply = new CheckCodeConformanceReply();
        foreach (var policy in policies)
        {
            var deviations = CodeConformance.Check(policy);
            reply.Streams.Add(new StreamConformance
            {
                Stream = policy.Stream,
                PolicyVersion = policy.Version,
                Conforms = deviations.Count == 0,
                Deviations = { deviations },
            });
        }
        return reply;
    }

    private DateOnly Today => rules.Today(state.Current.Calendars);

    // Read from the database rather than this replica's copy, so a change made through another replica shows at once.
    private Task<PolicyTimeline> TimelineAsync(CancellationToken ct) =>
        PolicyQueries.TimelineAsync(db, state.Current.Calendars.Clock, ct);
}
