using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainCase = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// The person's own requests, relayed by Intake once it has checked their reference and status token.
/// The same domain commands as the complaints team's RequestEscalation and EndCase(WITHDRAWN), so the
/// same rules answer; the case history shows the person made the request online.
/// </summary>
[Authorize(Roles = Roles.Service)]
public sealed class PersonRequestsService(CaseWorkflowDbContext db, CaseWork work, CaseRulesSource rules) : PersonRequests.PersonRequestsBase
{
    /// <summary>How the person appears in the case history and audit.</summary>
    public const string PersonActor = "person:online";
    public const string PersonRole = "person";

    public override Task<PersonRequestReply> RequestEscalation(PersonEscalationRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Reasons.Length <= 10_000, "reasons", "must be at most 10000 characters").ThrowIfInvalid();
        return ChangeAsync(context, request.ContactId, nameof(RequestEscalation),
            (c, r, a) => c.RequestEscalation(request.Reasons, null, r, a));
    }

    public override Task<PersonRequestReply> Withdraw(PersonWithdrawalRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Reason.Length <= 4_000, "reason", "must be at most 4000 characters").ThrowIfInvalid();
        return ChangeAsync(context, request.ContactId, nameof(Withdraw),
            (c, r, a) => c.End(CaseEnding.Withdrawn, string.IsNullOrWhiteSpace(request.Reason) ? "withdrawn by the person online" : request.Reason, null, r, a));
    }

    private async Task<PersonRequestReply> ChangeAsync(ServerCallContext context, string contactId, string action,
        Action<DomainCase, CaseRules, Actor> change)
    {
        if (Caller.From(context).ServiceName != CaseInternalService.IntakeService)
        {
            throw new AccessDeniedException("Only Intake relays a person's own requests.");
        }
        new Validator().NotBlank(contactId, "contact_id", 100).ThrowIfInvalid();
        var record = await db.Cases.FirstOrDefaultAsync(c => c.ContactId == contactId, context.CancellationToken)
            ?? throw new NotFoundException("A case for this contact");
        var c = record.Load();
        var actor = new Actor(PersonActor, PersonRole, rules.Now);
        var caseRules = await rules.ForCaseAsync(db, c, context.CancellationToken);
        change(c, caseRules, actor);
        await work.SaveAsync(record, c, actor, "Person" + action, context.CancellationToken);
        return new PersonRequestReply
        {
            CaseId = c.Id.ToString(),
            Stage = c.CurrentStage,
            OccurredOn = new Google.Type.Date { Year = caseRules.Today.Year, Month = caseRules.Today.Month, Day = caseRules.Today.Day },
        };
    }
}
